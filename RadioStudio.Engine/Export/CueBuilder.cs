using RadioStudio.Engine.Show;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Export;

/// <summary>
/// Turns transcript entries into cues: studio notes are left out, typed lines (no duration) get a reading time,
/// utterances longer than <see cref="MaxCueCharacters"/> are split at sentence boundaries with the time shared by
/// length, and every cue starts at or after the end of the one before (so times only ever move later, never overlap).
/// </summary>
public static class CueBuilder
{
    /// <summary>Longer utterances are split into sentences.</summary>
    public const int MaxCueCharacters = 160;

    private static readonly TimeSpan PerWord = TimeSpan.FromMilliseconds(380);
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(800);

    /// <summary>The cues of <paramref name="timeline"/>, in order.</summary>
    public static IReadOnlyList<TimelineCue> Build(ShowTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var cues = new List<TimelineCue>();
        var previousEnd = TimeSpan.Zero;
        foreach (var entry in timeline.Entries.Where(e => e.Kind != PartyKind.System && !string.IsNullOrWhiteSpace(e.Text)))
        {
            var text = entry.Text.Trim();
            var start = entry.Start < previousEnd ? previousEnd : entry.Start;
            var end = entry.End > entry.Start ? entry.End : entry.Start + ReadingTime(text);
            if (end < start + Shortest)
            {
                end = start + Shortest;
            }

            var pieces = text.Length > MaxCueCharacters ? SentenceBoundaries.Split(text).Where(p => p.Length > 0).ToList() : [text];
            var total = pieces.Sum(p => p.Length);
            var at = start;
            for (var i = 0; i < pieces.Count; i++)
            {
                var share = TimeSpan.FromTicks((end - start).Ticks * pieces[i].Length / Math.Max(1, total));
                var pieceEnd = i == pieces.Count - 1 ? end : at + share;
                cues.Add(new TimelineCue(at, pieceEnd, entry.Speaker, pieces[i].Trim()));
                at = pieceEnd;
            }

            previousEnd = end;
        }

        return cues;
    }

    private static TimeSpan ReadingTime(string text) => PerWord * Math.Max(1, text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
}
