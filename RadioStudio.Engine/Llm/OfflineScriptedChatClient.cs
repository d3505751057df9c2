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
        var question = conversation.LastIsQuestion ? conversation.Question : null;
        var lines =
            turn == 1 ? _script.Openers
            : turn >= _script.ClosingTurn && _script.Closers.Count > 0 ? _script.Closers
            : question is not null ? AnswersFor(question, seed + turn)
            : _script.Statements;
        var index = (seed + turn) % lines.Count;
        var line = Say(lines[index], conversation, question);
        return line == conversation.PreviousReply ? Say(lines[(index + 1) % lines.Count], conversation, question) : line;
    }

    /// <summary>The replies of the question's kind; a yes/no question gets a yes or a no (by the caller and turn).</summary>
    private IReadOnlyList<string> AnswersFor(Offline.HostQuestion question, int seed)
    {
        var kind = question.Kind == "yesNo" ? (seed % 3 == 0 ? "no" : "yes") : question.Kind;
        return _script.AnswersByKind.TryGetValue(kind, out var lines) && lines.Count > 0 ? lines : _script.Answers;
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

    /// <summary>A spoken line: the persona's reason as the caller says it, the question's subject, town and people filled in.</summary>
    private string Say(string template, OfflineConversation conversation, Offline.HostQuestion? question)
    {
        var reason = conversation.Reason ?? conversation.SpokenTopic();
        var story = Offline.FirstPersonStory.From(reason ?? _script.DefaultReason, reason is null ? false : conversation.IsProblem);
        var subject = question?.Subject ?? "they";
        var person = conversation.Person ?? "my sister";
        return Fill(template, conversation)
            .Replace("{Story}", Offline.FirstPersonStory.Capitalised(story), StringComparison.Ordinal)
            .Replace("{story}", story, StringComparison.Ordinal)
            .Replace("{Subject}", Offline.FirstPersonStory.Capitalised(subject), StringComparison.Ordinal)
            .Replace("{subject}", subject, StringComparison.Ordinal)
            .Replace("{Person}", Offline.FirstPersonStory.Capitalised(person), StringComparison.Ordinal)
            .Replace("{person}", person, StringComparison.Ordinal)
            .Replace("{town}", conversation.Town ?? "town", StringComparison.Ordinal);
    }

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
