using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.Show.Turns;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>
/// Follow-up callers: after a phone call ends (automatically with the auto switch, or when the host presses Follow
/// up) an AI caller is picked to react and announced in <see cref="StudioState.FollowUp"/> with the reason. The host
/// puts them on or skips; in auto mode they go on the line after <see cref="ShowMemoryOptions.FollowUpDelaySeconds"/>
/// unless skipped or the host puts someone else on air first.
/// </summary>
public sealed partial class FollowUps(
    StudioEngine engine, CallRecorder recorder, SqliteCallRecordStore store, CallerMemory memory, IAiDirector director,
    ILlmClients llm, TimeProvider time, IOptions<ShowMemoryOptions> options, ILogger<FollowUps> logger) : IHostedService, IDisposable
{
    private readonly Lock _lock = new();
    private CancellationTokenSource? _pending;
    private HashSet<string> _onAirAtAnnounce = [];
    private IDisposable? _subscription;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recorder.Recorded += OnRecorded;
        _subscription = engine.Subscribe(OnStateAsync, TimeSpan.Zero);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        recorder.Recorded -= OnRecorded;
        _subscription?.Dispose();
        Cancel();
        return Task.CompletedTask;
    }

    /// <summary>The host's Follow up: pick a caller to react to the last phone call of the show.</summary>
    public async Task FollowUpNowAsync(CancellationToken cancellationToken = default)
    {
        var state = engine.Current;
        var last = state.ShowHistory.LastOrDefault(r => r.Kind == PartyKind.Phone)
            ?? throw new StudioCommandException("No phone call has ended in this show yet: there is nothing to follow up.");
        await AnnounceAsync(last, automatic: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Put the announced caller on the line now.</summary>
    public async Task PutOnAsync(CancellationToken cancellationToken = default)
    {
        var coming = engine.Current.FollowUp ?? throw new StudioCommandException("No follow-up caller is waiting.");
        Cancel();
        await ClearAsync(coming).ConfigureAwait(false);
        var record = await store.FindAsync(coming.AfterRecordId, cancellationToken).ConfigureAwait(false);
        var said = record is null ? "" : record.Summary ?? await SaidAsync(record, cancellationToken).ConfigureAwait(false);
        memory.SetFollowUp(coming.Slot, new EarlierCall(coming.AfterName, record?.Kind == PartyKind.Ai, said));
        LogPutOn(logger, coming.Name, coming.AfterName);
        await director.CallAsync(coming.Slot, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Skip the announced caller.</summary>
    public async Task SkipAsync()
    {
        Cancel();
        if (engine.Current.FollowUp is { } coming)
        {
            await ClearAsync(coming).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _subscription?.Dispose();
        Cancel();
    }

    private void OnRecorded(CallRecord record)
    {
        var state = engine.Current;
        if (record.Kind != PartyKind.Phone || !state.AutoFollowUp || !state.OnAir || state.Ai.ActiveSlot is not null)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await AnnounceAsync(record, automatic: true, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogFailed(logger, error.Message);
            }
        });
    }

    private async Task AnnounceAsync(CallRecord record, bool automatic, CancellationToken cancellationToken)
    {
        var state = engine.Current;
        var said = await SaidAsync(record, cancellationToken).ConfigureAwait(false);
        FollowUpPick? pick = null;
        if (!llm.IsOffline)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.SummaryTimeoutSeconds));
                pick = await FollowUpPicker.AskModelAsync(llm.Utility, state.AiCallers, record.Name, said, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogModelFailed(logger, error.Message);
            }
        }

        pick ??= FollowUpPicker.ByRule(state.AiCallers, record.Name, said)
            ?? throw new StudioCommandException("No AI caller on the board is ready to follow up.");
        var name = state.AiCallers.First(s => s.Slot == pick.Slot).Name ?? $"Slot {pick.Slot}";
        var delay = TimeSpan.FromSeconds(options.Value.FollowUpDelaySeconds);
        var coming = new FollowUpState(pick.Slot, name, pick.Reason, record.Id, record.Name, automatic ? time.GetUtcNow() + delay : null);
        CancellationToken token;
        lock (_lock)
        {
            _pending?.Cancel();
            _pending?.Dispose();
            _pending = new CancellationTokenSource();
            token = _pending.Token;
            _onAirAtAnnounce = [.. engine.Current.OnAirLines.Select(l => l.Id)];
        }

        await engine.PostAsync(new UpdateMemoryStateCommand(s => s with { FollowUp = coming }), cancellationToken).ConfigureAwait(false);
        LogAnnounced(logger, name, record.Name, pick.Reason);
        if (automatic)
        {
            _ = Task.Run(() => PutOnLaterAsync(coming, delay, token), CancellationToken.None);
        }
    }

    private async Task PutOnLaterAsync(FollowUpState coming, TimeSpan delay, CancellationToken token)
    {
        try
        {
            await Task.Delay(delay, time, token).ConfigureAwait(false);
            if (engine.Current.FollowUp == coming)
            {
                await PutOnAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Skipped, or the host moved on.
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogFailed(logger, error.Message);
        }
    }

    /// <summary>The host did something else with the line (took an AI caller, put a new caller on air, went off air).</summary>
    private async Task OnStateAsync(StudioState state)
    {
        if (state.FollowUp is not { } coming)
        {
            return;
        }

        HashSet<string> before;
        lock (_lock)
        {
            before = _onAirAtAnnounce;
        }

        if (!state.OnAir || state.Ai.ActiveSlot is not null || state.OnAirLines.Any(l => !before.Contains(l.Id)))
        {
            Cancel();
            await ClearAsync(coming).ConfigureAwait(false);
        }
    }

    private async Task<string> SaidAsync(CallRecord record, CancellationToken cancellationToken)
    {
        var span = await store.ReadSpanAsync(record, cancellationToken).ConfigureAwait(false);
        var lines = span.Where(e => e.Kind != PartyKind.System).Select(e => $"{e.Speaker}: {e.Text}").ToList();
        return lines.Count == 0 ? record.Summary ?? "" : string.Join('\n', lines.TakeLast(12));
    }

    private Task ClearAsync(FollowUpState coming) =>
        engine.PostAsync(new UpdateMemoryStateCommand(s => s.FollowUp == coming ? s with { FollowUp = null } : s), CancellationToken.None);

    private void Cancel()
    {
        lock (_lock)
        {
            _pending?.Cancel();
            _pending?.Dispose();
            _pending = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up: {Name} after {After} — {Reason}")]
    private static partial void LogAnnounced(ILogger logger, string name, string after, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up caller {Name} goes on the line after {After}")]
    private static partial void LogPutOn(ILogger logger, string name, string after);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The follow-up model failed, picking by rule: {Reason}")]
    private static partial void LogModelFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Follow-up failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
