using RadioStudio.Engine.Show.Memory;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Export;

/// <summary>
/// One show as the exports see it: its transcript and its calls, every time relative to ON AIR (a show that a
/// restart interrupted is still one timeline: its stored times already are).
/// </summary>
/// <param name="Show">The show.</param>
/// <param name="Entries">Transcript entries in order.</param>
/// <param name="Calls">Ended calls by start.</param>
public sealed record ShowTimeline(ShowInfo Show, IReadOnlyList<TranscriptEntry> Entries, IReadOnlyList<CallRecord> Calls)
{
    /// <summary>The show's length: until OFF AIR, or the last thing said while it is live.</summary>
    public TimeSpan Duration =>
        Show.Duration is { } duration ? duration
        : Entries.Count == 0 ? TimeSpan.Zero : Entries.Max(e => e.End > e.Start ? e.End : e.Start);
}
