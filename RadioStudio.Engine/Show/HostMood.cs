using System.Text.RegularExpressions;

namespace RadioStudio.Engine.Show;

/// <summary>
/// Reads the host's mood from their last five turns for the AI caller's prompt: at most two signals, in the fixed
/// priority of <see cref="HostMoodSignal"/> (pushback, questions, short, playful, supportive).
/// "Short" needs at least two turns, so a lone "Go ahead, caller." does not rush the caller.
/// </summary>
public static partial class HostMood
{
    /// <summary>How many recent host turns are read.</summary>
    public const int TurnsRead = 5;

    /// <summary>At most this many signals go into the prompt.</summary>
    public const int MaxSignals = 2;

    /// <summary>The signals, in priority order, from the host's turns (oldest first; only the last five count).</summary>
    public static IReadOnlyList<HostMoodSignal> Signals(IReadOnlyList<string> hostTurns)
    {
        ArgumentNullException.ThrowIfNull(hostTurns);
        var turns = hostTurns.Where(t => !string.IsNullOrWhiteSpace(t)).TakeLast(TurnsRead).ToList();
        if (turns.Count == 0)
        {
            return [];
        }

        var words = turns.Sum(t => t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        var questions = turns.Sum(t => t.Count(c => c == '?'));
        var found = new List<HostMoodSignal>(MaxSignals);
        Add(found, HostMoodSignal.Pushback, turns.Any(PushbackRegex().IsMatch));
        Add(found, HostMoodSignal.Questions, questions >= 3 || (turns.Count >= 2 && turns.Count(t => t.Contains('?', StringComparison.Ordinal)) * 2 > turns.Count));
        Add(found, HostMoodSignal.ShortReplies, turns.Count >= 2 && (double)words / turns.Count < 8);
        Add(found, HostMoodSignal.Playful, turns.Any(PlayfulRegex().IsMatch));
        Add(found, HostMoodSignal.Supportive, turns.Any(SupportiveRegex().IsMatch));
        return found;
    }

    /// <summary>Prompt-ready lines for the host's last turns (at most two; none when nothing stands out).</summary>
    public static IReadOnlyList<string> Read(IReadOnlyList<string> lastHostTurns) =>
        [.. Signals(lastHostTurns).Select(Line)];

    /// <summary>The prompt line for one signal.</summary>
    public static string Line(HostMoodSignal signal) => signal switch
    {
        HostMoodSignal.Pushback => "The host is pushing back: defend your point with something specific, or concede the specific point. Don't just repeat yourself.",
        HostMoodSignal.Questions => "The host is asking you questions: answer them directly first.",
        HostMoodSignal.ShortReplies => "The host is keeping it short: get to the point, one or two sentences.",
        HostMoodSignal.Playful => "The host is being playful: joke back a little, then carry on.",
        HostMoodSignal.Supportive => "The host is being supportive: open up and go a bit deeper.",
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, null),
    };

    private static void Add(List<HostMoodSignal> found, HostMoodSignal signal, bool present)
    {
        if (present && found.Count < MaxSignals)
        {
            found.Add(signal);
        }
    }

    [GeneratedRegex(@"\b(?:i don'?t (?:think|buy|believe)|i disagree|that'?s not (?:true|right|how)|come on|no way|you'?re wrong|i doubt|hold on|wait a (?:minute|second)|that'?s ridiculous|seriously\?|really\?|are you sure|that doesn'?t make sense|nonsense|give me a break|not buying)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PushbackRegex();

    [GeneratedRegex(@"(?:\b(?:ha(?:ha)+|hah|lol|lmao|that'?s (?:hilarious|funny)|you'?re killing me|kidding|joking|i love it)\b|\(laughs?\)|\*laughs?\*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlayfulRegex();

    [GeneratedRegex(@"\b(?:i'?m (?:so )?sorry|that'?s (?:tough|hard|rough|brave)|that must|i hear you|good for you|i understand|that makes sense|tell me more|go on|take your time|proud of you|you'?re not alone|how (?:did|does) that (?:make you )?feel)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SupportiveRegex();
}
