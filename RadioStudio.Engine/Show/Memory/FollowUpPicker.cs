using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>
/// Picks the AI caller on the board best placed to react to a call: the utility model with one line of why; without
/// one (or when it fails) a rule: the caller whose reason and interests share the most topic words with the call,
/// preferring one who calls about a topic (an opinion to push back with), and the reason says it was a rule.
/// </summary>
public static partial class FollowUpPicker
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "after", "again", "because", "being", "could", "every", "going", "their", "there", "these", "thing", "think",
        "those", "really", "would", "should", "where", "which", "while", "with", "your", "yours", "just", "that", "this", "what",
        "when", "have", "from", "they", "them", "were", "been", "know", "like", "want", "tonight", "call", "calling", "show",
        "line", "briefly", "caller", "host", "radio", "yeah", "okay", "well",
    };

    /// <summary>Asks the model; null when it gave no usable answer.</summary>
    public static async Task<FollowUpPick?> AskModelAsync(
        IChatClient client, IReadOnlyList<AiCallerState> board, string callName, string said, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var candidates = Candidates(board);
        if (candidates.Count == 0)
        {
            return null;
        }

        var list = string.Join('\n', candidates.Select(s => $"{s.Slot}: {s.Name}, {s.Description}. Calling about: {s.Persona!.Reason}"));
        List<ChatMessage> messages =
        [
            new(ChatRole.System,
                "You produce a live radio call-in show. A call just ended. Pick the waiting AI caller best placed to react to it " +
                "(a strong opposite view, or the same topic from their own life). Answer only JSON: {\"slot\": <number>, \"reason\": \"<one short line>\"}."),
            new(ChatRole.User, $"The call with {callName}:\n{said}\n\nWaiting callers:\n{list}"),
        ];
        var options = new ChatOptions { MaxOutputTokens = 80, AdditionalProperties = new() { [LlmPurposes.PropertyKey] = LlmPurposes.FollowUp } };
        var response = await client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var match = JsonObject().Match(response.Text);
        if (!match.Success)
        {
            return null;
        }

        using var json = JsonDocument.Parse(match.Value);
        var root = json.RootElement;
        var slot = root.TryGetProperty("slot", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32()
            : root.TryGetProperty("slot", out s) && int.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        var reason = root.TryGetProperty("reason", out var r) ? r.GetString()?.Trim() : null;
        return candidates.Any(c => c.Slot == slot) && !string.IsNullOrEmpty(reason) ? new FollowUpPick(slot, reason) : null;
    }

    /// <summary>The offline rule; null when the board has nobody ready.</summary>
    public static FollowUpPick? ByRule(IReadOnlyList<AiCallerState> board, string callName, string said)
    {
        var candidates = Candidates(board);
        if (candidates.Count == 0)
        {
            return null;
        }

        var callWords = Words(said);
        var scored = candidates
            .Select(s => (Slot: s, Shared: Words(string.Join(' ', [s.Persona!.Reason, .. s.Persona.Interests])).Intersect(callWords, StringComparer.OrdinalIgnoreCase).ToList()))
            .OrderByDescending(x => x.Shared.Count)
            .ThenBy(x => x.Slot.Persona!.IsProblem ? 1 : 0)
            .ThenBy(x => x.Slot.Slot)
            .First();
        var why = scored.Shared.Count > 0
            ? $"Rule: same topic as {callName} ({string.Join(", ", scored.Shared.Take(3))})"
            : $"Rule: {(scored.Slot.Persona!.IsProblem ? "a fresh angle from their own life" : "calls with a view of their own to push back with")}";
        return new FollowUpPick(scored.Slot.Slot, why);
    }

    private static List<AiCallerState> Candidates(IReadOnlyList<AiCallerState> board) =>
        [.. board.Where(s => s.Persona is not null && s.Status is AiCallerStatus.Ready)];

    private static HashSet<string> Words(string text) =>
        new(WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 4 && !StopWords.Contains(w)), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\{.*\}", RegexOptions.Singleline)]
    private static partial Regex JsonObject();

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex WordPattern();
}
