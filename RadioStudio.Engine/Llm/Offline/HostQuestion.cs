using System.Text.RegularExpressions;

namespace RadioStudio.Engine.Llm.Offline;

/// <summary>
/// The host's last question, classified by the first matching <see cref="OfflineQuestionKind"/>: its kind
/// ("reaction", "yesNo", "why", "when", …, or <see cref="General"/>) and, for kinds that name one, the subject said
/// from the caller's side ("your family" becomes "my family", "you" becomes "I").
/// </summary>
public sealed record HostQuestion(string Kind, string? Subject)
{
    /// <summary>A question no pattern matched.</summary>
    public const string General = "general";

    private static readonly TimeSpan s_regexTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly string[] Fillers = ["so", "and", "but", "okay", "ok", "well", "now", "alright", "then", "right", "oh", "hmm", "caller"];

    /// <summary>Classifies the last question in <paramref name="text"/>.</summary>
    public static HostQuestion Classify(string text, IEnumerable<OfflineQuestionKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(kinds);
        var question = LastQuestion(text);
        foreach (var kind in kinds)
        {
            var match = Regex.Match(question, kind.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexTimeout);
            if (match.Success)
            {
                var subject = match.Groups["subject"] is { Success: true } group ? FromCallersSide(group.Value) : null;
                return new HostQuestion(kind.Kind, subject);
            }
        }

        return new HostQuestion(General, null);
    }

    /// <summary>The last sentence that is a question (or the last sentence), without leading fillers.</summary>
    internal static string LastQuestion(string text)
    {
        // The prompt labels who spoke ("HOST: …", "DAVE (caller on the line): …").
        var said = Regex.Replace(text.Trim(), @"^[A-Z][A-Z0-9 .'-]*(?:\([^)]*\))?:\s*", "", RegexOptions.None, s_regexTimeout);
        var sentences = Regex.Split(said, @"(?<=[.!?])\s+", RegexOptions.None, s_regexTimeout)
            .Where(s => s.Length > 0)
            .ToList();
        var last = sentences.LastOrDefault(s => s.EndsWith('?')) ?? sentences.LastOrDefault() ?? "";
        var words = last.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && Fillers.Contains(words[0].Trim(',', '.', '!').ToLowerInvariant()))
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words).Trim();
    }

    private static string FromCallersSide(string subject) =>
        string.Join(' ', subject.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant() switch
        {
            "you" => "I",
            "your" => "my",
            "yourself" => "myself",
            "yours" => "mine",
            _ => w,
        }));
}
