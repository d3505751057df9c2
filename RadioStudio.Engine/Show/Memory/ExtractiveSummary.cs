using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>The offline summary: the caller's first substantive sentences, as they said them.</summary>
public static class ExtractiveSummary
{
    /// <summary>Shortest sentence (in words) that counts as substantive.</summary>
    public const int MinWords = 4;

    /// <summary>Up to two of <paramref name="name"/>'s first substantive sentences (≤ 240 characters).</summary>
    public static string Build(string name, PartyKind kind, IReadOnlyList<TranscriptEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var own = entries.Where(e => e.Kind == kind && string.Equals(e.Speaker, name, StringComparison.OrdinalIgnoreCase)).ToList();
        var source = own.Count > 0 ? own : entries.Where(e => e.Kind != PartyKind.System).ToList();
        var sentences = source
            .SelectMany(e => SentenceBoundaries.Split(e.Text))
            .Select(s => s.Trim())
            .Where(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinWords)
            .Take(2)
            .ToList();
        if (sentences.Count == 0)
        {
            return $"{name} was on the line briefly.";
        }

        var text = $"{name}: \"{string.Join(' ', sentences)}\"";
        return text.Length > 240 ? text[..239] + "…\"" : text;
    }
}
