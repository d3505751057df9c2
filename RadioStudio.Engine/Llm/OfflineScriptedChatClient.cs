using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace RadioStudio.Engine.Llm;

/// <summary>
/// The chat client used when no provider is configured, and the last link of every fallback chain: plays the
/// AI caller from an <see cref="OfflineScript"/> without a network. Dialogue is streamed word by word with a
/// pause on the injected <see cref="TimeProvider"/>; the <see cref="LlmPurposes"/> utility calls are answered
/// by simple rules (see each constant).
/// </summary>
public sealed class OfflineScriptedChatClient : IChatClient
{
    /// <summary>The model id on every response.</summary>
    public const string ModelId = "offline-script";

    /// <summary>What the host sees.</summary>
    public const string Label = "offline script";

    private static readonly ChatClientMetadata s_metadata = new("offline", null, ModelId);

    private readonly OfflineScript _script;
    private readonly TimeProvider _time;
    private readonly TimeSpan _wordDelay;

    /// <summary>Plays <paramref name="script"/>, pausing <paramref name="wordDelay"/> between dialogue words.</summary>
    public OfflineScriptedChatClient(OfflineScript script, TimeProvider timeProvider, TimeSpan wordDelay)
    {
        _script = script;
        _time = timeProvider;
        _wordDelay = wordDelay;
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var purpose = LlmPurposes.Of(options);
        var conversation = new OfflineConversation(_script, messages, options);
        var text = purpose switch
        {
            LlmPurposes.ShouldRespond => ShouldRespond(conversation),
            LlmPurposes.Summary => Fill(_script.Summary, conversation),
            LlmPurposes.Persona => PersonaJson(conversation),
            LlmPurposes.Screening => ScreeningJson(conversation),
            _ => Dialogue(conversation),
        };
        var delay = purpose == LlmPurposes.Dialogue ? _wordDelay : TimeSpan.Zero;
        var responseId = "offline-" + _time.GetTimestamp().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = true;
        foreach (var word in Words(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!first && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }

            first = false;
            yield return Update(responseId, [new TextContent(word)], null);
        }

        yield return Update(responseId, [], ChatFinishReason.Stop);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? s_metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private string Dialogue(OfflineConversation conversation)
    {
        var turn = conversation.CallerTurns + 1;
        var seed = Seed(conversation.Name ?? "");
        var lines =
            turn == 1 ? _script.Openers
            : turn >= _script.ClosingTurn && _script.Closers.Count > 0 ? _script.Closers
            : conversation.LastIsQuestion ? _script.Answers
            : _script.Statements;
        var index = (seed + turn) % lines.Count;
        var line = Fill(lines[index], conversation);
        return line == conversation.PreviousReply ? Fill(lines[(index + 1) % lines.Count], conversation) : line;
    }

    private string ShouldRespond(OfflineConversation conversation)
    {
        var firstName = conversation.Name?.Split(' ', 2)[0];
        var named = firstName is { Length: > 0 } && conversation.LastUserText.Contains(firstName, StringComparison.OrdinalIgnoreCase);
        return conversation.LastIsQuestion || named ? _script.Yes : _script.No;
    }

    private static string PersonaJson(OfflineConversation conversation)
    {
        var input = conversation.LastUserText.Trim();
        try
        {
            return input.StartsWith('{') && JsonNode.Parse(input) is JsonObject ? input : "{}";
        }
        catch (JsonException)
        {
            return "{}";
        }
    }

    private static string ScreeningJson(OfflineConversation conversation) =>
        new JsonObject { ["name"] = conversation.SpokenName(), ["topic"] = conversation.SpokenTopic() }.ToJsonString();

    private string Fill(string template, OfflineConversation conversation) => template
        .Replace("{name}", conversation.Name ?? conversation.SpokenName() ?? _script.DefaultName, StringComparison.Ordinal)
        .Replace("{reason}", conversation.Reason ?? conversation.SpokenTopic() ?? _script.DefaultReason, StringComparison.Ordinal)
        .Replace("{turns}", Math.Max(1, conversation.CallerTurns).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private ChatResponseUpdate Update(string responseId, IList<AIContent> contents, ChatFinishReason? finish) => new(ChatRole.Assistant, contents)
    {
        ResponseId = responseId,
        MessageId = responseId,
        ModelId = ModelId,
        CreatedAt = _time.GetUtcNow(),
        FinishReason = finish,
    };

    /// <summary>Splits into word tokens that each keep their leading space, so they concatenate back to the text.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ' ')
            {
                yield return text[start..i];
                start = i;
            }
        }
    }

    private static int Seed(string name)
    {
        var seed = 0;
        foreach (var c in name)
        {
            seed = unchecked((seed * 31) + c) & 0x7FFFFFFF;
        }

        return seed;
    }
}
