namespace RadioStudio.Engine.Show;

/// <summary>
/// Trims a reply the LLM did not finish (token limit, timeout, cancelled stream) so the caller never stops
/// mid-sentence on air.
/// </summary>
public static class ThoughtTrimmer
{
    /// <summary>
    /// For a finished reply (<paramref name="wasCutOff"/> false) returns the text trimmed of outer whitespace.
    /// For a cut-off reply returns it up to the end of its last complete sentence (abbreviation-aware: a cut right
    /// after "Dr." or "St." is not a sentence end). When no sentence was completed, the last word is dropped if the
    /// cut may have split it (no trailing space) and the remaining whole words trail off with "..." — a natural way
    /// for a caller to stop; a reply of a single partial word becomes "" (the turn then uses its fallback line).
    /// </summary>
    public static string Trim(string text, bool wasCutOff)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!wasCutOff)
        {
            return text.Trim();
        }

        var complete = text.TrimEnd();
        var last = -1;
        for (var end = SentenceBoundaries.Find(complete, 0, final: true); end >= 0; end = SentenceBoundaries.Find(complete, end, final: true))
        {
            last = end;
        }

        if (last > 0)
        {
            return complete[..last].Trim();
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && text.Length > 0 && !char.IsWhiteSpace(text[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        var fragment = string.Join(' ', words).TrimEnd(',', ';', ':', '-', '—', '–', ' ');
        return fragment.Length == 0 ? "" : fragment + "...";
    }
}
