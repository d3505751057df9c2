using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>
/// Turns every ended call into a stored <see cref="CallRecord"/> at once and queues its summary. Phone calls are
/// seen in the engine's snapshots (a line that was on air and has left the state has ended; its end reason is the
/// one the engine committed to <c>calls</c>); AI calls are reported by the director when they end.
/// </summary>
public sealed partial class CallRecorder(
    StudioEngine engine, MemoryDatabase database, SqliteCallRecordStore store, ShowHistory history, CallSummariser summariser,
    TimeProvider time, ILogger<CallRecorder> logger) : IHostedService, IDisposable
{
    private readonly Dictionary<string, (PhoneLineState Line, string ShowId, DateTimeOffset ShowStarted, DateTimeOffset OnAirSince)> _onAir = new(StringComparer.Ordinal);
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
            if (line.IsOnAir && state.Show is { IsLive: true } show)
            {
                var since = _onAir.TryGetValue(line.Id, out var seen) ? seen.OnAirSince : line.OnAirSince ?? state.Now;
                _onAir[line.Id] = (line, seen.ShowId ?? show.Id, seen.ShowId is null ? show.Started : seen.ShowStarted, since);
            }
            else if (_onAir.TryGetValue(line.Id, out var held))
            {
                _onAir[line.Id] = held with { Line = line };
            }
        }

        foreach (var (id, seen) in _onAir.Where(p => !state.Lines.Any(l => l.Id == p.Key)).ToList())
        {
            _onAir.Remove(id);
            try
            {
                await RecordPhoneCallAsync(state, seen.Line, seen.ShowId, seen.ShowStarted, seen.OnAirSince).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogFailed(logger, seen.Line.DisplayName, error.Message);
            }
        }
    }

    private async Task RecordPhoneCallAsync(StudioState state, PhoneLineState line, string showId, DateTimeOffset showStarted, DateTimeOffset onAirSince)
    {
        var reason = await database.RunAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "SELECT end_reason, ended_ms FROM calls WHERE id = $id;";
            command.Parameters.AddWithValue("$id", line.Id);
            using var reader = command.ExecuteReader();
            return reader.Read() && !reader.IsDBNull(0) ? (reader.GetString(0), (DateTimeOffset?)DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))) : ("ended", null);
        }).ConfigureAwait(false);
        var ended = reason.Item2 ?? time.GetUtcNow();
        var record = new CallRecord(
            line.Id, showId, PartyKind.Phone, line.DisplayName, line.Number, onAirSince, ended,
            Offset(onAirSince - showStarted), Offset(ended - showStarted), reason.Item1, null, null, null, null, null);
        await StoreAsync(state.Show?.Id == showId ? Span(state, record) : record, CancellationToken.None).ConfigureAwait(false);
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
