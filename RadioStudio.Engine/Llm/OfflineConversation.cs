using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace RadioStudio.Engine.Llm;

/// <summary>What the offline script reads out of a request: who the caller is, why, which turn, what was last said.</summary>
internal sealed class OfflineConversation
{
    private static readonly TimeSpan s_regexTimeout = TimeSpan.FromMilliseconds(250);

    private readonly OfflineScript _script;

    public OfflineConversation(OfflineScript script, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        _script = script;
        var all = messages.ToList();
        var prompt = string.Join('\n', new[] { options?.Instructions }
            .Concat(all.Where(m => m.Role == ChatRole.System).Select(m => m.Text))
            .Where(t => !string.IsNullOrWhiteSpace(t)));
        var everything = string.Join('\n', all.Select(m => m.Text));
        UserTexts = [.. all.Where(m => m.Role == ChatRole.User).Select(m => m.Text)];
        CallerTurns = all.Count(m => m.Role == ChatRole.Assistant);
        PreviousReply = all.LastOrDefault(m => m.Role == ChatRole.Assistant)?.Text;
        LastUserText = all.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        Name = Group(script.IdentityPattern, prompt, "name", RegexOptions.None)
            ?? Group(script.IdentityPattern, everything, "name", RegexOptions.None);
        Reason = Group(script.ReasonPattern, prompt, "reason", RegexOptions.IgnoreCase)
            ?? Group(script.ReasonPattern, everything, "reason", RegexOptions.IgnoreCase);
        IsProblem = Group($"(?<hit>{script.ProblemPattern})", prompt, "hit", RegexOptions.IgnoreCase) is not null ? true
            : Group($"(?<hit>{script.TopicPattern})", prompt, "hit", RegexOptions.IgnoreCase) is not null ? false
            : null;
        Town = Group(script.TownPattern, prompt, "town", RegexOptions.None);
        Person = Group(script.PeoplePattern, prompt, "people", RegexOptions.IgnoreCase)?.Split(';')[0].Trim() is { Length: > 0 } person
            ? person.Split(", ", 2) is [var name, var relation] ? $"{relation} {name}" : person
            : null;
    }

    /// <summary>Whether the reason is a personal problem (true), a topic (false), or the prompt does not say.</summary>
    public bool? IsProblem { get; }

    /// <summary>The caller's town from the prompt, if it gives one.</summary>
    public string? Town { get; }

    /// <summary>The first person in the caller's life, as the caller says it ("my sister Paula").</summary>
    public string? Person { get; }

    /// <summary>The host's last question, classified by the script's question kinds.</summary>
    public Offline.HostQuestion Question => Offline.HostQuestion.Classify(LastUserText, _script.QuestionKinds);

    /// <summary>The caller's name from the prompt, if it gives one.</summary>
    public string? Name { get; }

    /// <summary>The reason for calling from the prompt, if it gives one.</summary>
    public string? Reason { get; }

    /// <summary>What the host (and phone callers) said, in order.</summary>
    public IReadOnlyList<string> UserTexts { get; }

    /// <summary>The AI caller's replies so far.</summary>
    public int CallerTurns { get; }

    public string? PreviousReply { get; }

    public string LastUserText { get; }

    /// <summary>True when the last thing said to the caller reads as a question.</summary>
    public bool LastIsQuestion => IsQuestion(LastUserText);

    /// <summary>A name someone said ("my name is Dana"), searched in what the callers said.</summary>
    public string? SpokenName() => FirstMatch(_script.NamePatterns, "name", RegexOptions.None);

    /// <summary>A topic someone said ("calling about my landlord"), searched in what the callers said.</summary>
    public string? SpokenTopic() => FirstMatch(_script.TopicPatterns, "topic", RegexOptions.IgnoreCase);

    /// <summary>True when <paramref name="text"/>'s last sentence ends in "?" or starts with a question word.</summary>
    public bool IsQuestion(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith('?'))
        {
            return true;
        }

        var lastSentence = trimmed.TrimEnd('.', '!').Split(['.', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        var firstWord = lastSentence.Split(' ', 2)[0].TrimStart(':').Trim(',');
        return _script.QuestionStarts.Contains(firstWord, StringComparer.OrdinalIgnoreCase);
    }

    private string? FirstMatch(IEnumerable<string> patterns, string group, RegexOptions options)
    {
        foreach (var text in UserTexts)
        {
            foreach (var pattern in patterns)
            {
                if (Group(pattern, text, group, options) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static string? Group(string pattern, string text, string group, RegexOptions options)
    {
        var match = Regex.Match(text, pattern, options | RegexOptions.CultureInvariant, s_regexTimeout);
        var value = match.Success ? match.Groups[group].Value.Trim().TrimEnd('.', ',', ';', '!') : "";
        return value.Length > 0 ? value : null;
    }
}
