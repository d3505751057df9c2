namespace RadioStudio.Engine.Llm.Offline;

/// <summary>
/// Turns a persona's reason for calling, written about the caller ("has been engaged for six years and the wedding
/// keeps getting pushed back", "their church is splitting", "the best way to cook a brisket"), into what the caller
/// says about it in the first person ("I've been engaged for six years and the wedding keeps getting pushed back",
/// "my church is splitting", "I wanted to talk about the best way to cook a brisket"). English rules for the
/// persona pool's shapes: a predicate whose subject is the caller, a clause about someone in the caller's life,
/// or a topic. No final punctuation; the caller of this decides where the sentence ends.
/// </summary>
public static class FirstPersonStory
{
    private static readonly HashSet<string> Adverbs = new(StringComparer.OrdinalIgnoreCase) { "just", "recently", "still", "never", "finally", "really", "secretly", "always" };

    private static readonly HashSet<string> Modals = new(StringComparer.OrdinalIgnoreCase)
    {
        "can't", "cannot", "can", "won't", "will", "couldn't", "could", "wouldn't", "would", "shouldn't", "should", "might", "must",
    };

    private static readonly Dictionary<string, string> Irregular = new(StringComparer.OrdinalIgnoreCase)
    {
        ["has"] = "have", ["is"] = "am", ["was"] = "was", ["does"] = "do", ["doesn't"] = "don't", ["hasn't"] = "haven't",
        ["isn't"] = "am not", ["wasn't"] = "wasn't", ["goes"] = "go", ["had"] = "had",
    };

    private static readonly HashSet<string> PastForms = new(StringComparer.OrdinalIgnoreCase)
    {
        "found", "got", "spent", "lost", "felt", "took", "made", "saw", "heard", "went", "left", "knew", "came", "bought", "sold", "won",
        "met", "told", "said", "thought", "broke", "ran", "wrote", "drove", "gave", "forgot", "kept", "quit",
    };

    private static readonly HashSet<string> PluralNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "parents", "kids", "friends", "neighbors", "folks", "twins", "in-laws", "grandkids", "cousins", "coworkers", "people", "ghost", "ghosts",
    };

    private static readonly HashSet<string> Relatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "sibling", "coworker", "co-worker", "neighbor", "cousin", "friend", "roommate", "boss", "brother", "sister", "uncle", "aunt",
    };

    private static readonly HashSet<string> ObjectThemVerbs = new(StringComparer.OrdinalIgnoreCase) { "of", "gave", "told", "asked", "showed", "sent", "taught" };

    /// <summary>The first-person form of <paramref name="reason"/>; <paramref name="isProblem"/> null guesses from its shape.</summary>
    public static string From(string reason, bool? isProblem = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var text = reason.Trim().TrimEnd('.', '!', ';', ',').Trim()
            .Replace("the host's", "your", StringComparison.OrdinalIgnoreCase)
            .Replace("the host", "you", StringComparison.OrdinalIgnoreCase);
        if (text.Length == 0)
        {
            return "";
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var first = words[0];
        var verbAt = Adverbs.Contains(first) && words.Count > 1 ? 1 : 0;
        if (IsVerb(words[verbAt]) && isProblem != false)
        {
            // A predicate about the caller: "I" + its verbs in the first person.
            words[verbAt] = FirstPersonVerb(words[verbAt]);
            ConjugateAfterAnd(words);
            return Contract("I " + string.Join(' ', MapPronouns(words)));
        }

        if (verbAt == 1 && isProblem != false && !first.Equals("never", StringComparison.OrdinalIgnoreCase))
        {
            // "recently sober and …": a state, not an action.
            return "I'm " + string.Join(' ', MapPronouns(words));
        }

        if (isProblem == false || (isProblem is null && !LooksLikeClause(words)))
        {
            return "I wanted to talk about " + string.Join(' ', MapPronouns(words));
        }

        var starts = first.ToLowerInvariant();
        if (starts is "a" or "an" && words.Count > 1 && Relatives.Contains(words[1]))
        {
            // "a sibling borrowed …": the caller's own sibling.
            words[0] = "my";
        }

        if (starts is "a" or "an" or "the" or "my" or "their" or "our" or "his" or "her" or "some" or "this" or "that")
        {
            return string.Join(' ', MapPronouns(words));
        }

        // Someone in the caller's life, named without "their" ("dad is getting forgetful").
        return "my " + string.Join(' ', MapPronouns(words));
    }

    /// <summary>Upper-cases the first letter (for the start of a sentence).</summary>
    public static string Capitalised(string text) =>
        string.IsNullOrEmpty(text) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static bool LooksLikeClause(List<string> words) => words.Skip(1).Take(4).Any(IsVerb);

    private static bool IsVerb(string word)
    {
        var w = word.Trim(',', '.').ToLowerInvariant();
        return Irregular.ContainsKey(w) || Modals.Contains(w) || PastForms.Contains(w)
            || (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))
            || (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
                && !w.EndsWith('\'') && !PluralNouns.Contains(w) && !w.Contains('\''));
    }

    private static string FirstPersonVerb(string verb)
    {
        if (Irregular.TryGetValue(verb, out var irregular))
        {
            return irregular;
        }

        if (Modals.Contains(verb) || PastForms.Contains(verb) || verb.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
        {
            return verb;
        }

        return verb.EndsWith("ies", StringComparison.OrdinalIgnoreCase) ? verb[..^3] + "y"
            : verb.EndsWith("ches", StringComparison.OrdinalIgnoreCase) || verb.EndsWith("shes", StringComparison.OrdinalIgnoreCase)
              || verb.EndsWith("sses", StringComparison.OrdinalIgnoreCase) || verb.EndsWith("xes", StringComparison.OrdinalIgnoreCase) ? verb[..^2]
            : verb.EndsWith('s') ? verb[..^1]
            : verb;
    }

    /// <summary>"… and doesn't know" (the caller still the subject) becomes "… and I don't know".</summary>
    private static void ConjugateAfterAnd(List<string> words)
    {
        for (var i = 1; i < words.Count - 1; i++)
        {
            if (!words[i].Equals("and", StringComparison.OrdinalIgnoreCase) || words[i - 1].EndsWith(',') )
            {
                continue;
            }

            var next = words[i + 1];
            if (Irregular.ContainsKey(next) || Modals.Contains(next) || (IsVerb(next) && !PastForms.Contains(next) && !next.EndsWith("ed", StringComparison.OrdinalIgnoreCase)))
            {
                words[i + 1] = "I " + FirstPersonVerb(next);
            }
        }
    }

    private static IEnumerable<string> MapPronouns(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var core = word.TrimEnd(',', '.', ';');
            var tail = word[core.Length..];
            var previous = i > 0 ? words[i - 1].TrimEnd(',') : "";
            var mapped = core.ToLowerInvariant() switch
            {
                "their" => "my",
                "theirs" => "mine",
                "themselves" => "myself",
                "they're" => "I'm",
                "they've" => "I've",
                "they'll" => "I'll",
                "they'd" => "I'd",
                "they" when previous.Equals("where", StringComparison.OrdinalIgnoreCase) => core,
                "they" when i + 1 < words.Count && words[i + 1] == "are" => "I",
                "they" => "I",
                "are" when previous == "I" => "am",
                "were" when previous == "I" => "was",
                "them" when ObjectThemVerbs.Contains(previous) => "me",
                _ => core,
            };
            if (mapped == "I" && i + 1 < words.Count && words[i + 1] is "are" or "were")
            {
                words[i + 1] = words[i + 1] == "are" ? "am" : "was";
            }

            yield return mapped + tail;
        }
    }

    private static string Contract(string text) => text
        .Replace("I have been ", "I've been ", StringComparison.Ordinal)
        .Replace("I have never ", "I've never ", StringComparison.Ordinal)
        .Replace("I am ", "I'm ", StringComparison.Ordinal)
        .Replace("and I am not ", "and I'm not ", StringComparison.Ordinal);
}
