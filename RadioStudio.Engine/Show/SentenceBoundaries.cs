namespace RadioStudio.Engine.Show;

/// <summary>
/// Where spoken sentences end, shared by <see cref="SentenceSplitter"/>, <see cref="ThoughtTrimmer"/> and
/// <see cref="ReplyCleaner"/>. A sentence ends at <c>. ! ? …</c> (plus closing quotes) followed by whitespace, except:
/// titles and initials never end one (Mr., Dr., St., vs., e.g., "J."); other abbreviations (etc., Jr., a.m., U.S.)
/// and ellipses end one only when the next word starts with a capital; a dot between digits (3.5) is no end;
/// nothing inside brackets or *asterisks* ends one.
/// </summary>
internal static class SentenceBoundaries
{
    private static readonly HashSet<string> NeverEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "mt", "ft", "rev", "sgt", "capt", "lt", "col", "gen", "gov", "sen",
        "rep", "vs", "e.g", "i.e", "cf", "fr", "hon", "pres",
    };

    private static readonly HashSet<string> MaybeEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        "etc", "jr", "sr", "inc", "ltd", "co", "corp", "a.m", "p.m", "approx", "dept", "est", "ave", "blvd", "hwy",
    };

    private enum Kind
    {
        Ends,
        Maybe,
        Never,
    }

    /// <summary>
    /// The index just past the first sentence end at or after <paramref name="start"/>, or -1 when there is none
    /// yet. With <paramref name="final"/> false, a terminator at the very end is undecided (more text may follow:
    /// "3." → "3.5", "Dr." → "Dr. Lee"); with it true the text is complete and ends a sentence unless it ends in a
    /// title or initial.
    /// </summary>
    public static int Find(string text, int start, bool final)
    {
        var depth = 0;
        var inAsterisks = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '(' or '[' or '{' or '<':
                    depth++;
                    continue;
                case ')' or ']' or '}' or '>' when depth > 0:
                    depth--;
                    continue;
                case '*':
                    inAsterisks = !inAsterisks;
                    continue;
            }

            if (depth > 0 || inAsterisks || !IsTerminator(c))
            {
                continue;
            }

            var j = i;
            while (j < text.Length && IsTerminator(text[j]))
            {
                j++;
            }

            var k = j;
            while (k < text.Length && IsCloser(text[k]))
            {
                k++;
            }

            var cluster = text.AsSpan(i, j - i);
            var kind = Classify(text, i, cluster);
            if (k == text.Length)
            {
                return final && kind != Kind.Never ? k : -1;
            }

            if (!char.IsWhiteSpace(text[k]) || kind == Kind.Never)
            {
                i = j - 1;
                continue;
            }

            if (kind == Kind.Ends)
            {
                return k;
            }

            var next = NextWordStart(text, k);
            if (next < 0)
            {
                return final ? k : -1;
            }

            if (char.IsUpper(text[next]))
            {
                return k;
            }

            i = j - 1;
        }

        return -1;
    }

    /// <summary>
    /// True when <paramref name="text"/> (streamed, more may follow) already ends a sentence whatever comes next: it
    /// ends in <c>!</c>/<c>?</c>, or in a single <c>.</c> right after a word of letters that is no title, initial or
    /// abbreviation — outside brackets, *asterisks* and open double quotes. A decimal ("3."), an ellipsis, "etc." or
    /// "Dr." stays undecided as in <see cref="Find"/>. Lets a sentence go without waiting for the next token.
    /// </summary>
    public static bool EndsNow(string text)
    {
        var j = text.Length;
        var i = j;
        while (i > 0 && IsTerminator(text[i - 1]))
        {
            i--;
        }

        if (i == j || i == 0 || text[j - 1] == '…')
        {
            return false;
        }

        var cluster = text.AsSpan(i, j - i);
        var exclaims = cluster.Contains('!') || cluster.Contains('?');
        if ((!exclaims && (cluster.Length > 1 || !char.IsLetter(text[i - 1]))) || Classify(text, i, cluster) != Kind.Ends)
        {
            return false;
        }

        var depth = 0;
        var inAsterisks = false;
        var straightQuotes = 0;
        var curlyQuotes = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '(' or '[' or '{' or '<':
                    depth++;
                    break;
                case ')' or ']' or '}' or '>' when depth > 0:
                    depth--;
                    break;
                case '*':
                    inAsterisks = !inAsterisks;
                    break;
                case '"':
                    straightQuotes++;
                    break;
                case '“':
                    curlyQuotes++;
                    break;
                case '”':
                    curlyQuotes--;
                    break;
            }
        }

        return depth == 0 && !inAsterisks && straightQuotes % 2 == 0 && curlyQuotes <= 0;
    }

    /// <summary>Characters that may trail a terminator and still belong to its sentence (more terminators, closers).</summary>
    public static bool IsTrailing(char c) => IsTerminator(c) || IsCloser(c);

    /// <summary>Splits complete text into trimmed sentences (the last one may lack a terminator).</summary>
    public static List<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = Find(text, start, final: true);
            if (end < 0)
            {
                end = text.Length;
            }

            var sentence = text[start..end].Trim();
            if (sentence.Length > 0)
            {
                sentences.Add(sentence);
            }

            start = end;
        }

        return sentences;
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')';

    private static Kind Classify(string text, int at, ReadOnlySpan<char> cluster)
    {
        if (cluster.Contains('!') || cluster.Contains('?'))
        {
            return Kind.Ends;
        }

        if (cluster.Length > 1 || cluster[0] == '…')
        {
            return Kind.Maybe;
        }

        var begin = at;
        while (begin > 0 && (char.IsLetter(text[begin - 1]) || text[begin - 1] == '.'))
        {
            begin--;
        }

        var word = text[begin..at];
        if (word.Length == 0)
        {
            return Kind.Ends;
        }

        if (word.Length == 1 && char.IsUpper(word[0]) && word != "I")
        {
            return Kind.Never;
        }

        if (NeverEnd.Contains(word))
        {
            return Kind.Never;
        }

        return MaybeEnd.Contains(word) || word.Contains('.', StringComparison.Ordinal) ? Kind.Maybe : Kind.Ends;
    }

    private static int NextWordStart(string text, int from)
    {
        for (var m = from; m < text.Length; m++)
        {
            var c = text[m];
            if (!char.IsWhiteSpace(c) && c is not ('"' or '\'' or '“' or '‘'))
            {
                return m;
            }
        }

        return -1;
    }
}
