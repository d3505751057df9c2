using System.Threading.Channels;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>
/// Writes call summaries in the background, one at a time: from the whole exchange a record spans (host, the
/// caller, AI callers and other phone callers on air), by the utility model; offline or on failure the extractive
/// summary, labelled as such. Records still pending at start-up (the studio was killed) are summarised first.
/// </summary>
public sealed partial class CallSummariser(
    SqliteCallRecordStore store, ShowHistory history, ILlmClients llm, TimeProvider time, IOptions<ShowMemoryOptions> options,
    ILogger<CallSummariser> logger)
    : BackgroundService
{
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Raised after a summary was written.</summary>
    public event Action<CallRecord>? Summarised;

    /// <summary>Queues a record for its summary.</summary>
    public void Enqueue(string recordId) => _queue.Writer.TryWrite(recordId);

    /// <summary>Summarises one record now and stores it; returns the updated record.</summary>
    public async Task<CallRecord?> SummariseAsync(string recordId, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(recordId, cancellationToken).ConfigureAwait(false);
        if (record is null || !record.SummaryPending)
        {
            return record;
        }

        // A phone caller's last words are transcribed after they hung up: give them a moment to land in the span.
        var settle = record.Ended + TimeSpan.FromSeconds(options.Value.SummarySettleSeconds) - time.GetUtcNow();
        if (settle > TimeSpan.Zero)
        {
            await Task.Delay(settle, time, cancellationToken).ConfigureAwait(false);
        }

        record = await store.RefreshSpanAsync(record, cancellationToken).ConfigureAwait(false);
        var entries = (await store.ReadSpanAsync(record, cancellationToken).ConfigureAwait(false))
            .Where(e => e.Kind != PartyKind.System).ToList();
        var (summary, source) = await WriteAsync(record, entries, cancellationToken).ConfigureAwait(false);
        await store.SetSummaryAsync(record.Id, summary, source, cancellationToken).ConfigureAwait(false);
        var written = record with { Summary = summary, SummarySource = source };
        LogSummarised(logger, record.Name, source, summary);
        await history.UpdateAsync(written, cancellationToken).ConfigureAwait(false);
        Summarised?.Invoke(written);
        return written;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var pending in await store.ListPendingAsync(stoppingToken).ConfigureAwait(false))
        {
            LogResumed(logger, pending.Name);
            Enqueue(pending.Id);
        }

        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await SummariseAsync(id, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, id, error.Message);
            }
        }
    }

    private async Task<(string Summary, SummarySource Source)> WriteAsync(CallRecord record, List<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        if (!llm.IsOffline && entries.Count > 0)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.SummaryTimeoutSeconds));
                var kind = record.Kind == PartyKind.Ai ? "an AI caller" : "a real phone caller";
                List<ChatMessage> messages =
                [
                    new(ChatRole.System,
                        $"Summarise this radio call-in segment with {record.Name} ({kind}) in one or two short sentences, in the third person: " +
                        "who they are, what they talked about, what the host and anyone else on air said back, how it ended. Plain text only."),
                    new(ChatRole.User, string.Join('\n', entries.Select(e => $"{e.Speaker} ({Label(e.Kind)}): {e.Text}"))),
                ];
                var chat = new ChatOptions { MaxOutputTokens = 120, AdditionalProperties = new() { [LlmPurposes.PropertyKey] = LlmPurposes.Summary } };
                var response = await llm.Utility.GetResponseAsync(messages, chat, timeout.Token).ConfigureAwait(false);
                var text = ReplyCleaner.Clean(response.Text).Trim();
                if (text.Length > 0)
                {
                    return (text, SummarySource.Llm);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogModelFailed(logger, record.Name, error.Message);
            }
        }

        return (ExtractiveSummary.Build(record.Name, record.Kind, entries), SummarySource.Extractive);
    }

    private static string Label(PartyKind kind) => kind switch
    {
        PartyKind.Host => "host",
        PartyKind.Ai => "AI caller",
        PartyKind.Phone => "phone caller",
        _ => "studio",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Summary of {Name}'s call ({Source}): {Summary}")]
    private static partial void LogSummarised(ILogger logger, string name, SummarySource source, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Summarising {Name}'s call, still pending from before the restart")]
    private static partial void LogResumed(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The summary model failed for {Name}'s call, using the caller's own words: {Reason}")]
    private static partial void LogModelFailed(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Summarising call record {Id} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string id, string reason);
}
