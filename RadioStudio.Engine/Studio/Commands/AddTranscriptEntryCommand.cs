using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands;

/// <summary>
/// Appends one line to the live show's transcript, persisting it first so a crash loses nothing said.
/// Without explicit times the line is stamped "now" relative to the show start.
/// </summary>
internal sealed class AddTranscriptEntryCommand(string speaker, PartyKind kind, string text, TimeSpan? start = null, TimeSpan? end = null)
    : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        if (!state.OnAir || state.Show is not { IsLive: true } show)
        {
            throw new StudioCommandException("The studio is off air: go ON AIR to start the show's transcript.");
        }

        var clean = text.Trim();
        if (clean.Length == 0)
        {
            throw new StudioCommandException("Nothing to add: the line is empty.");
        }

        if (clean.Length > context.Options.MaxLineLength)
        {
            throw new StudioCommandException($"That line is {clean.Length} characters; the limit is {context.Options.MaxLineLength}.");
        }

        var now = context.Time.GetUtcNow();
        var lineStart = start ?? show.Elapsed(now);
        var lineEnd = end ?? lineStart;
        var draft = new TranscriptEntry(0, lineStart, lineEnd < lineStart ? lineStart : lineEnd, speaker, kind, clean);
        var id = await context.Repository.InsertTranscriptEntryAsync(show.Id, draft, cancellationToken).ConfigureAwait(false);
        return state with { Transcript = state.Transcript.Add(draft with { Id = id }), Now = now };
    }
}
