using System.Text.RegularExpressions;

namespace RadioStudio.Engine.Show;

/// <summary>The patterns <see cref="ReplyCleaner"/> applies, source-generated.</summary>
public static partial class ReplyCleaner
{
    private const RegexOptions Flags = RegexOptions.CultureInvariant;
    private const RegexOptions IgnoreCase = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    private const string DirectionVerbs =
        @"sigh(?:s|ing)?|laugh(?:s|ing)?|chuckl(?:es?|ing)|giggl(?:es?|ing)|snort(?:s|ing)?|paus(?:es?|ing)|hesitat(?:es?|ing)"
        + @"|sniff(?:s|les?|ling)?|cough(?:s|ing)?|groan(?:s|ing)?|smil(?:es?|ing)|grin(?:s|ning)?|nod(?:s|ding)?|shrug(?:s|ging)?"
        + @"|whisper(?:s|ing)?|mumbl(?:es?|ing)|mutter(?:s|ing)?|exhal(?:es?|ing)|inhal(?:es?|ing)|gulp(?:s|ing)?|winc(?:es?|ing)"
        + @"|scoff(?:s|ing)?|snicker(?:s|ing)?|sob(?:s|bing)?|clears? (?:his |her |their |my )?throat|takes? a (?:\w+ )?breath"
        + @"|trails? off|leans? (?:back|in|forward|closer)|shakes? (?:his|her|their) head|rolls? (?:his|her|their) eyes"
        + @"|long pause|deep breath|silence";

    [GeneratedRegex(@"(?m)^[ \t]*[*_]*[ \t]*(?:host|the host)[ \t]*[*_]*[ \t]*:", IgnoreCase)]
    private static partial Regex HostLineRegex();

    [GeneratedRegex(@"(?:https?://|www\.)\S+?(?=[.,!?;:]?(?:\s|$))", IgnoreCase)]
    private static partial Regex UrlRegex();

    [GeneratedRegex(@"<3", Flags)]
    private static partial Regex HeartRegex();

    [GeneratedRegex(@"(?<![\w:])[:;=]['-]?[()DPpO3/\\|\]\[]+(?![\w])", Flags)]
    private static partial Regex EmoticonRegex();

    [GeneratedRegex(@"\*\*(?<b>.+?)\*\*|__(?<b>.+?)__", Flags)]
    private static partial Regex BoldRegex();

    [GeneratedRegex(@"(?m)^[ \t]*(?:#{1,6}[ \t]+|[-•][ \t]+|\d+\.[ \t]+|>[ \t]*)", Flags)]
    private static partial Regex HeadingOrBulletRegex();

    [GeneratedRegex(@"\*[^*]*\*|(?<!\w)_[^_]+_(?!\w)", Flags)]
    private static partial Regex ActionRegex();

    [GeneratedRegex(@"(?m)^[ \t]*(?:[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}|me|caller)[ \t]*:(?:[ \t]+|$)", Flags)]
    private static partial Regex SpeakerPrefixRegex();

    [GeneratedRegex(@"^(?:(?:(?i:he|she|they|the caller|caller)|[A-Z][a-z]+)\s+)?(?i:\w+ly\s+)?(?i:" + DirectionVerbs + @")\b(?<tail>[^.!?]{0,60})[.!?…]+[""”’]?$", Flags)]
    private static partial Regex DirectionRegex();

    [GeneratedRegex(@"\b(?:I|me|my|we|us|our|you|your)\b", IgnoreCase)]
    private static partial Regex FirstPersonRegex();

    [GeneratedRegex(@"\s+", Flags)]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"""\s*""|“\s*”", Flags)]
    private static partial Regex EmptyQuotesRegex();

    [GeneratedRegex(@"\s+([,.!?;:…])", Flags)]
    private static partial Regex SpaceBeforePunctuationRegex();

    [GeneratedRegex(@"[,;:—–-]+\s*([.!?,])", Flags)]
    private static partial Regex DanglingPunctuationRegex();

    [GeneratedRegex(@",(?:\s*,)+", Flags)]
    private static partial Regex RepeatedCommaRegex();

    [GeneratedRegex(@"[!?]{2,}", Flags)]
    private static partial Regex RepeatedBangRegex();

    [GeneratedRegex(@"\.{4,}", Flags)]
    private static partial Regex LongEllipsisRegex();

    [GeneratedRegex(@"(?<![.\d])\.\.(?![.\d])", Flags)]
    private static partial Regex DoubleDotRegex();

    [GeneratedRegex(@"^[\s,.;:!?—–-]+", Flags)]
    private static partial Regex LeadingPunctuationRegex();

    [GeneratedRegex(@"[\s,;:—–-]+$", Flags)]
    private static partial Regex TrailingPunctuationRegex();

    [GeneratedRegex(@"\$(\d[\d,]*(?:\.\d+)?)(\s+(?:thousand|million|billion|hundred|grand))?", IgnoreCase)]
    private static partial Regex DollarsRegex();

    [GeneratedRegex(@"\bgonna\b", IgnoreCase)]
    private static partial Regex GonnaRegex();

    [GeneratedRegex(@"\bwanna\b", IgnoreCase)]
    private static partial Regex WannaRegex();

    [GeneratedRegex(@"\bgotta\b", IgnoreCase)]
    private static partial Regex GottaRegex();

    [GeneratedRegex(@"\bkinda\b", IgnoreCase)]
    private static partial Regex KindaRegex();

    [GeneratedRegex(@"\bsorta\b", IgnoreCase)]
    private static partial Regex SortaRegex();

    [GeneratedRegex(@"\bdunno\b", IgnoreCase)]
    private static partial Regex DunnoRegex();

    [GeneratedRegex(@"\by['’]know\b", IgnoreCase)]
    private static partial Regex YknowRegex();

    [GeneratedRegex(@"(?<!\w)(?:['’]cause|cuz|coz)\b", IgnoreCase)]
    private static partial Regex CauseRegex();

    [GeneratedRegex(@"\blemme\b", IgnoreCase)]
    private static partial Regex LemmeRegex();

    [GeneratedRegex(@"\bgimme\b", IgnoreCase)]
    private static partial Regex GimmeRegex();

    [GeneratedRegex(@"\bya\b(?!['’])", IgnoreCase)]
    private static partial Regex YaRegex();
}
