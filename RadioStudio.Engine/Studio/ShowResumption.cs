using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio;

/// <summary>
/// A studio that stopped (or crashed) mid-show comes back ON AIR in the same show. The time it was down — from the
/// last heartbeat the clock tick wrote to now — is added to the show's downtime, so the show clock, the transcript
/// times, the chapters and the episode (whose stems have no audio for it either) all leave it out; the transcript
/// says it happened.
/// </summary>
internal static class ShowResumption
{
    /// <summary>Gaps shorter than this are the heartbeat's own granularity, not downtime.</summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromSeconds(2);

    /// <summary>The speaker of the studio's own transcript notes.</summary>
    public const string Speaker = "Studio";

    public static async Task<StudioState> ResumeAsync(
        StudioState state, DateTimeOffset? aliveAt, IStudioRepository repository, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        if (state.Show is not { IsLive: true } show || aliveAt is not { } alive || now - alive < Threshold)
        {
            return state;
        }

        var down = now - alive;
        await repository.MarkShowAliveAsync(show.Id, now, down, cancellationToken).ConfigureAwait(false);
        var resumed = show with { Downtime = show.Downtime + down };
        var at = resumed.Elapsed(now);
        var note = new TranscriptEntry(0, at, at, Speaker, PartyKind.System,
            $"The studio was off the air for {Describe(down)} here (a restart); the show clock leaves that time out.");
        var id = await repository.InsertTranscriptEntryAsync(show.Id, note, cancellationToken).ConfigureAwait(false);
        StudioEngineLog.ShowResumed(logger, show.Title, Describe(down));
        return state with { Show = resumed, Transcript = state.Transcript.Add(note with { Id = id }) };
    }

    /// <summary>"45 s", "3 min 05 s", "1 h 02 min".</summary>
    public static string Describe(TimeSpan span) => span switch
    {
        { TotalHours: >= 1 } => $"{(int)span.TotalHours} h {span.Minutes:00} min",
        { TotalMinutes: >= 1 } => $"{(int)span.TotalMinutes} min {span.Seconds:00} s",
        _ => $"{Math.Max(1, (int)Math.Round(span.TotalSeconds))} s",
    };
}
