using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>
/// Turns every ended call into a stored <see cref="CallRecord"/> at once and queues its summary. Phone calls are
/// seen in the engine's snapshots (a line that has left the state has ended; whether and when it went on air, its show
/// and its end reason are read from what the engine committed to <c>calls</c> and <c>call_events</c>, so a coalesced
/// snapshot never loses a call); AI calls are reported by the director when they end.
/// </summary>
public sealed partial class CallRecorder(
    StudioEngine engine, MemoryDatabase database, SqliteCallRecordStore store, ShowHistory history, CallSummariser summariser,
    TimeProvider time, ILogger<CallRecorder> logger) : IHostedService, IDisposable
{
    private readonly Dictionary<string, PhoneLineState> _lines = new(StringComparer.Ordinal);
    private IDisposable? _subscription;

    /// <summary>Raised after a record was stored (its summary still pending).</summary>
    public event Action<CallRecord>? Recorded;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = engine.Subscribe(OnStateAsync, TimeSpan.Zero);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>An AI call ended: stores its record. <paramref name="started"/> is show-relative.</summary>
    public async Task<CallRecord?> RecordAiCallAsync(
        string name, TimeSpan started, string endReason, string? regularId, CancellationToken cancellationToken = default)
    {
        var state = engine.Current;
        if (state.Show is not { } show)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var end = show.Elapsed(now);
        var record = Span(state, new CallRecord(
            "A" + Guid.NewGuid().ToString("N")[..12], show.Id, PartyKind.Ai, name, null, show.Started + started, now,
            started, end, endReason, null, null, null, null, regularId));
        await StoreAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <inheritdoc />
    public void Dispose() => _subscription?.Dispose();

    private async Task OnStateAsync(StudioState state)
    {
        foreach (var line in state.Lines)
        {
            _lines[line.Id] = line;
        }

        foreach (var (id, line) in _lines.Where(p => !state.Lines.Any(l => l.Id == p.Key)).ToList())
        {
            _lines.Remove(id);
            try
            {
                await RecordPhoneCallAsync(state, line).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogFailed(logger, line.DisplayName, error.Message);
            }
        }
    }

    /// <summary>
    /// A line left the state: if the call went on air (its committed events say so, even when this subscriber never
    /// saw the on-air snapshot), it becomes a record from the committed times, show and end reason.
    /// </summary>
    private async Task RecordPhoneCallAsync(StudioState state, PhoneLineState line)
    {
        var call = await database.RunAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = """
                SELECT k.show_id, s.started_ms, k.end_reason, k.ended_ms,
                    (SELECT MIN(at_ms) FROM call_events e WHERE e.call_id = k.id AND e.status IN ('OnAir', 'Locked'))
                FROM calls k JOIN shows s ON s.id = k.show_id WHERE k.id = $id;
                """;
            command.Parameters.AddWithValue("$id", line.Id);
            using var reader = command.ExecuteReader();
            return reader.Read() && !reader.IsDBNull(4)
                ? (ShowId: reader.GetString(0), ShowStarted: reader.GetInt64(1), Reason: reader.IsDBNull(2) ? "ended" : reader.GetString(2),
                    Ended: reader.IsDBNull(3) ? (long?)null : reader.GetInt64(3), OnAir: reader.GetInt64(4))
                : default;
        }).ConfigureAwait(false);
        if (call.ShowId is null)
        {
            return;
        }

        var showStarted = DateTimeOffset.FromUnixTimeMilliseconds(call.ShowStarted);
        var onAir = DateTimeOffset.FromUnixTimeMilliseconds(call.OnAir);
        var ended = call.Ended is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : time.GetUtcNow();
        var record = new CallRecord(
            line.Id, call.ShowId, PartyKind.Phone, line.DisplayName, line.Number, onAir, ended,
            Offset(onAir - showStarted), Offset(ended - showStarted), call.Reason, null, null, null, null, null);
        await StoreAsync(state.Show?.Id == call.ShowId ? Span(state, record) : record, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task StoreAsync(CallRecord record, CancellationToken cancellationToken)
    {
        await store.InsertAsync(record, cancellationToken).ConfigureAwait(false);
        LogRecorded(logger, record.Name, record.Kind, record.EndReason);
        await history.UpdateAsync(record, cancellationToken).ConfigureAwait(false);
        summariser.Enqueue(record.Id);
        Recorded?.Invoke(record);
    }

    /// <summary>The transcript lines said between the call's start and end (everyone's, the studio's notes aside).</summary>
    private static CallRecord Span(StudioState state, CallRecord record)
    {
        var said = state.Transcript
            .Where(e => e.Kind != PartyKind.System && e.Start >= record.StartOffset - TimeSpan.FromSeconds(1) && e.Start <= record.EndOffset)
            .ToList();
        return said.Count == 0 ? record : record with { FirstEntryId = said.Min(e => e.Id), LastEntryId = said.Max(e => e.Id) };
    }

    private static TimeSpan Offset(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;

    [LoggerMessage(Level = LogLevel.Information, Message = "Call record stored: {Name} ({Kind}), {Reason}")]
    private static partial void LogRecorded(ILogger logger, string name, PartyKind kind, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Couldn't store the call record of {Name}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string name, string reason);
}
