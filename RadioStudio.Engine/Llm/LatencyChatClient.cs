using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RadioStudio.Engine.Llm;

/// <summary>
/// Measures each chat call on the injected <see cref="TimeProvider"/>: time to the first streamed content and
/// the total. Records them in <see cref="LlmMetrics"/>, logs them with the model, hands them to the
/// <see cref="ILlmLatencySink"/>s and attaches them as <see cref="LlmCallTiming"/> to the response.
/// </summary>
public sealed partial class LatencyChatClient : DelegatingChatClient
{
    private readonly LlmMetrics? _metrics;
    private readonly IReadOnlyList<ILlmLatencySink> _sinks;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    public LatencyChatClient(
        IChatClient innerClient,
        TimeProvider timeProvider,
        LlmMetrics? metrics = null,
        IEnumerable<ILlmLatencySink>? sinks = null,
        ILogger<LatencyChatClient>? logger = null)
        : base(innerClient)
    {
        _time = timeProvider;
        _metrics = metrics;
        _sinks = [.. sinks ?? []];
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var start = _time.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Finish(new LlmCallTiming(LlmPurposes.Of(options), ModelOf(options, null), null, _time.GetElapsedTime(start), false));
            throw;
        }

        var timing = new LlmCallTiming(LlmPurposes.Of(options), ModelOf(options, response.ModelId), null, _time.GetElapsedTime(start), true);
        Finish(timing);
        response.AdditionalProperties ??= [];
        response.AdditionalProperties[LlmCallTiming.PropertyKey] = timing;
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var start = _time.GetTimestamp();
        TimeSpan? firstToken = null;
        string? modelId = null;
        var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                ChatResponseUpdate update;
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    update = updates.Current;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Finish(new LlmCallTiming(LlmPurposes.Of(options), ModelOf(options, modelId), firstToken, _time.GetElapsedTime(start), false));
                    throw;
                }

                modelId ??= update.ModelId;
                if (firstToken is null && update.Contents.Count > 0)
                {
                    firstToken = _time.GetElapsedTime(start);
                }

                yield return update;
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
        }

        var timing = new LlmCallTiming(LlmPurposes.Of(options), ModelOf(options, modelId), firstToken, _time.GetElapsedTime(start), true);
        Finish(timing);
        yield return new ChatResponseUpdate
        {
            ModelId = timing.ModelId,
            AdditionalProperties = new() { [LlmCallTiming.PropertyKey] = timing },
        };
    }

    private void Finish(LlmCallTiming timing)
    {
        _metrics?.Record(timing);
        foreach (var sink in _sinks)
        {
            sink.Record(timing);
        }

        if (timing.Succeeded)
        {
            LogCall(timing.Purpose, timing.ModelId ?? "unknown", timing.TimeToFirstToken?.TotalMilliseconds ?? -1, timing.Total.TotalMilliseconds);
        }
        else
        {
            LogFailedCall(timing.Purpose, timing.ModelId ?? "unknown", timing.Total.TotalMilliseconds);
        }
    }

    private string? ModelOf(ChatOptions? options, string? answered) =>
        answered ?? options?.ModelId ?? this.GetService<ChatClientMetadata>()?.DefaultModelId;

    [LoggerMessage(EventId = 5111, Level = LogLevel.Information, Message = "LLM {Purpose} call to {Model}: first token {FirstTokenMs:0} ms, total {TotalMs:0} ms")]
    private partial void LogCall(string purpose, string model, double firstTokenMs, double totalMs);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Warning, Message = "LLM {Purpose} call to {Model} failed after {TotalMs:0} ms")]
    private partial void LogFailedCall(string purpose, string model, double totalMs);
}
