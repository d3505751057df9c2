using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RadioStudio.Engine.Show;

/// <summary>
/// Turns an LLM reply into words a TTS voice can speak as a phone caller: drops (…), [...], {…}, &lt;…&gt; and
/// *…* spans (nested or unclosed), narrative stage directions ("He sighs deeply."), speaker prefixes
/// ("Caller:", "DALE:"), anything after a line the model wrote for the host, markdown, emoticons, emojis and URLs;
/// spells out slang (gonna → going to) and a few symbols (&amp;, %, $); collapses whitespace and stray punctuation.
/// Returns "" when nothing speakable is left (a reply that was only directions).
/// </summary>
public static partial class ReplyCleaner
{
    private static readonly (Regex Pattern, string Replacement)[] Slang =
    [
        (GonnaRegex(), "going to"), (WannaRegex(), "want to"), (GottaRegex(), "got to"), (KindaRegex(), "kind of"),
        (SortaRegex(), "sort of"), (DunnoRegex(), "don't know"), (YknowRegex(), "you know"), (CauseRegex(), "because"),
        (LemmeRegex(), "let me"), (GimmeRegex(), "give me"), (YaRegex(), "you"),
    ];

    /// <summary>Cleans one reply (or one streamed sentence) for TTS.</summary>
    public static string Clean(string reply)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return "";
        }

        var text = reply.Replace("\r\n", "\n", StringComparison.Ordinal);
        var hostLine = HostLineRegex().Match(text);
        if (hostLine.Success && hostLine.Index > 0)
        {
            text = text[..hostLine.Index];
        }

        text = UrlRegex().Replace(text, " ");
        text = HeartRegex().Replace(text, " ");
        text = EmoticonRegex().Replace(text, " ");
        text = BoldRegex().Replace(text, "${b}");
        text = HeadingOrBulletRegex().Replace(text, "");
        text = ActionRegex().Replace(text, " ");
        text = RemoveBracketed(text);
        text = RemoveEmojis(text);
        text = text.Replace("*", " ", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        text = SpeakerPrefixRegex().Replace(text, "");
        text = WhitespaceRegex().Replace(text, " ").Trim();
        text = string.Join(' ', SentenceBoundaries.Split(text).Where(s => !IsStageDirection(s)));
        foreach (var (pattern, replacement) in Slang)
        {
            text = pattern.Replace(text, m => MatchCase(m.Value, replacement));
        }

        text = DollarsRegex().Replace(text, "$1$2 dollars");
        text = text.Replace("&", " and ", StringComparison.Ordinal).Replace("%", " percent", StringComparison.Ordinal);
        return Tidy(text);
    }

    private static bool IsStageDirection(string sentence)
    {
        var match = DirectionRegex().Match(sentence);
        return match.Success && !FirstPersonRegex().IsMatch(match.Groups["tail"].Value);
    }

    private static string RemoveBracketed(string text)
    {
        var result = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c is '(' or '[' or '{' or '<')
            {
                depth++;
                if (depth == 1)
                {
                    result.Append(' ');
                }
            }
            else if (c is ')' or ']' or '}' or '>')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static string RemoveEmojis(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            var emoji = v >= 0x1F000 || v is >= 0x2600 and <= 0x27BF || v is >= 0x2B00 and <= 0x2BFF
                || v is 0xFE0F or 0x200D or 0x20E3 || v is >= 0x2190 and <= 0x21FF;
            if (!emoji)
            {
                result.Append(rune.ToString());
            }
        }

        return result.ToString();
    }

    private static string Tidy(string text)
    {
        text = WhitespaceRegex().Replace(text, " ");
        text = EmptyQuotesRegex().Replace(text, " ");
        text = SpaceBeforePunctuationRegex().Replace(text, "$1");
        text = DanglingPunctuationRegex().Replace(text, "$1");
        text = RepeatedCommaRegex().Replace(text, ",");
        text = RepeatedBangRegex().Replace(text, m => m.Value[..1]);
        text = LongEllipsisRegex().Replace(text, "...");
        text = DoubleDotRegex().Replace(text, ".");
        text = WhitespaceRegex().Replace(text, " ").Trim();
        text = LeadingPunctuationRegex().Replace(text, "");
        text = TrailingPunctuationRegex().Replace(text, "");
        text = Unquote(text);
        if (text.Length > 0 && char.IsLower(text[0]))
        {
            text = char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
        }

        return text.Any(char.IsLetterOrDigit) ? text : "";
    }

    private static string Unquote(string text)
    {
        if (text.Length >= 2 && ((text[0] == '"' && text[^1] == '"') || (text[0] == '“' && text[^1] == '”'))
            && text.AsSpan(1, text.Length - 2).IndexOfAny('"', '“', '”') < 0)
        {
            return text[1..^1].Trim();
        }

        return text;
    }

    private static string MatchCase(string original, string replacement) =>
        char.IsUpper(original.TrimStart('\'', '’')[0])
            ? char.ToUpper(replacement[0], CultureInfo.InvariantCulture) + replacement[1..]
            : replacement;
}
