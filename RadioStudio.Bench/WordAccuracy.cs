namespace RadioStudio.Bench;

/// <summary>Word accuracy (1 − word error rate) from the word-level edit distance, after lower-casing and dropping punctuation.</summary>
internal static class WordAccuracy
{
    public static string[] Words(string text) =>
        new string([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '\'' ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Substitutions, insertions and deletions turning <paramref name="reference"/> into <paramref name="heard"/>.</summary>
    public static int Errors(IReadOnlyList<string> reference, IReadOnlyList<string> heard)
    {
        var previous = Enumerable.Range(0, heard.Count + 1).ToArray();
        for (var i = 1; i <= reference.Count; i++)
        {
            var current = new int[heard.Count + 1];
            current[0] = i;
            for (var j = 1; j <= heard.Count; j++)
            {
                var substitution = previous[j - 1] + (reference[i - 1] == heard[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[heard.Count];
    }
}
