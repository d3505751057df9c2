using System.Collections.Immutable;
using RadioStudio.Engine.Audio.Routing;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.Providers;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio.Commands;
using RadioStudio.Engine.Studio.Commands.Lines;

namespace RadioStudio.Engine.Studio;

/// <summary>
/// The studio: single writer of <see cref="StudioState"/>. Commands from every page and subsystem queue
/// on one channel and are applied in order by one loop; each resulting snapshot is offered to every
/// subscriber's latest-wins mailbox. A clock loop posts a tick once per second, aligned to the show start.
/// </summary>
public sealed partial class StudioEngine : IStudioStore, IStudioControl, IHostedService, IAsyncDisposable
{
    private readonly Channel<StudioCommand> _commands = Channel.CreateBounded<StudioCommand>(
        new BoundedChannelOptions(4096) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stopping = new();
    private readonly IStudioRepository _repository;
    private readonly StudioEventLogSink _eventLog;
    private readonly TimeProvider _time;
    private readonly StudioOptions _options;
    private readonly ILogger<StudioEngine> _logger;
    private readonly CommandContext _context;
    private ImmutableArray<ThrottledSubscription> _subscribers = [];
    private volatile StudioState _state;
    private Task _loops = Task.CompletedTask;
    private int _started;
    private int _markedStopped;

    /// <summary>Creates the engine; nothing runs until <see cref="StartAsync"/>.</summary>
    public StudioEngine(
        IStudioRepository repository, StudioEventLogSink eventLog, TimeProvider time,
        IOptions<StudioOptions> options, ILogger<StudioEngine> logger)
    {
        _repository = repository;
        _eventLog = eventLog;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _context = new CommandContext(time, repository, _options, logger);
        _state = new StudioState
        {
            Now = time.GetUtcNow(),
            Routing = _options.Routing,
            AiCallers = [.. Enumerable.Range(1, 10).Select(slot => new AiCallerState(slot, null, null, AiCallerStatus.Empty, false))],
        };
    }

    /// <inheritdoc />
    public StudioState Current => _state;

    /// <summary>The show-clock push interval.</summary>
    public static TimeSpan ClockInterval { get; } = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public IDisposable Subscribe(Func<StudioState, Task> onChange, TimeSpan? throttle = null)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        var subscription = new ThrottledSubscription(
            onChange,
            throttle ?? TimeSpan.FromMilliseconds(_options.PushIntervalMilliseconds),
            _time,
            error => StudioEngineLog.SubscriberFailed(_logger, error),
            Remove);
        ImmutableInterlocked.Update(ref _subscribers, static (list, s) => list.Add(s), subscription);
        subscription.Offer(_state);
        return subscription;
    }

    /// <summary>Restores the last show from the database and starts the command, clock and log loops.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            return;
        }

        await _repository.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var restored = await _repository.LoadAsync(cancellationToken).ConfigureAwait(false);
        var orphans = await _repository.CloseOrphanedCallsAsync(_time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (orphans > 0)
        {
            StudioEngineLog.OrphansClosed(_logger, orphans);
        }

        _state = await ShowResumption.ResumeAsync(Restore(_state, restored), restored.ShowAliveAt, _repository, _time.GetUtcNow(), _logger, cancellationToken)
            .ConfigureAwait(false);
        if (_state.Show is { } show)
        {
            StudioEngineLog.Restored(_logger, show.Title, _state.Transcript.Count, show.IsLive ? "ON AIR" : "off air");
        }

        StudioEngineLog.Ready(_logger, restored.Source);
        var token = _stopping.Token;
        var epoch = _time.GetUtcNow();
        _loops = Task.WhenAll(
            Task.Run(RunCommandLoopAsync, CancellationToken.None),
            Task.Run(() => RunClockAsync(epoch, token), CancellationToken.None),
            Task.Run(() => RunEventLogPumpAsync(token), CancellationToken.None));
    }

    /// <summary>Stops the clock, applies every command already queued, then stops the loop.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        _commands.Writer.TryComplete();
        try
        {
            await _loops.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown time ran out: every command already applied was committed to the database
            // before it completed, so the process may end now (the loops end with it).
            return;
        }

        // The loops are done: the last moment of a live show, so a restart counts exactly the time it was down.
        if (_state.Show is { IsLive: true } show && Interlocked.Exchange(ref _markedStopped, 1) == 0)
        {
            await _repository.MarkShowAliveAsync(show.Id, _time.GetUtcNow(), TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var subscription in _subscribers)
        {
            subscription.Dispose();
        }

        _stopping.Dispose();
    }

    /// <inheritdoc />
    public Task SetOnAirAsync(bool onAir, CancellationToken cancellationToken = default) =>
        PostAsync(new SetOnAirCommand(onAir), cancellationToken);

    /// <inheritdoc />
    public Task AddHostLineAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PostAsync(new AddTranscriptEntryCommand(_options.HostName, PartyKind.Host, text), cancellationToken);
    }

    /// <inheritdoc />
    public Task SetRespondModeAsync(RespondMode mode, CancellationToken cancellationToken = default) =>
        PostAsync(new SetRespondModeCommand(mode), cancellationToken);

    /// <summary>The audio side reports what it is doing (applied to the latest status).</summary>
    public Task UpdateAudioStatusAsync(Func<AudioStatus, AudioStatus> update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return PostAsync(new SetAudioStatusCommand(update), cancellationToken);
    }

    /// <summary>The AI side reports its status and the caller board; each function is applied to the latest value.</summary>
    public Task UpdateAiAsync(
        Func<AiStatus, AiStatus>? status,
        Func<System.Collections.Immutable.ImmutableList<AiCallerState>, System.Collections.Immutable.ImmutableList<AiCallerState>>? board = null,
        CancellationToken cancellationToken = default) =>
        PostAsync(new UpdateAiCommand(status, board), cancellationToken);

    /// <inheritdoc />
    public Task SetRoutingAsync(RoutingTable routing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(routing);
        return PostAsync(new SetRoutingCommand(routing), cancellationToken);
    }

    /// <inheritdoc />
    public Task SetAiProvidersAsync(AiProviderChoices choices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return PostAsync(new SetAiProvidersCommand(choices), cancellationToken);
    }

    /// <inheritdoc />
    public Task SetAutoFollowUpAsync(bool enabled, CancellationToken cancellationToken = default) =>
        PostAsync(new SetAutoFollowUpCommand(enabled), cancellationToken);

    /// <inheritdoc />
    public Task UpdateCallerDetailsAsync(string lineId, string? name, string? topic, string? notes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lineId);
        return PostAsync(new UpdateCallerDetailsCommand(lineId, name, topic, notes), cancellationToken);
    }

    /// <inheritdoc />
    public Task TakeCallAsync(string lineId, CancellationToken cancellationToken = default) => PostAsync(new TakeCallCommand(lineId), cancellationToken);

    /// <inheritdoc />
    public Task HoldCallAsync(string lineId, CancellationToken cancellationToken = default) => PostAsync(new HoldCallCommand(lineId), cancellationToken);

    /// <inheritdoc />
    public Task DropCallAsync(string lineId, CancellationToken cancellationToken = default) =>
        PostAsync(new EndLineCommand(lineId, LineEnd.Dropped), cancellationToken);

    /// <inheritdoc />
    public Task HangUpAsync(string lineId, CancellationToken cancellationToken = default) =>
        PostAsync(new EndLineCommand(lineId, LineEnd.HungUp), cancellationToken);

    /// <inheritdoc />
    public Task SetLockedAsync(string lineId, bool locked, CancellationToken cancellationToken = default) =>
        PostAsync(new SetLockedCommand(lineId, locked), cancellationToken);

    /// <inheritdoc />
    public Task TakeNextAsync(CancellationToken cancellationToken = default) => PostAsync(new TakeNextCommand(), cancellationToken);

    /// <inheritdoc />
    public Task ScreenCallAsync(string lineId, bool screened, CancellationToken cancellationToken = default) =>
        PostAsync(new ScreenCallCommand(lineId, screened), cancellationToken);

    /// <inheritdoc />
    public Task SetNextAsync(string lineId, bool next = true, CancellationToken cancellationToken = default) =>
        PostAsync(new SetNextCommand(lineId, next), cancellationToken);

    /// <inheritdoc />
    public Task MoveInQueueAsync(string lineId, int steps, CancellationToken cancellationToken = default) =>
        PostAsync(new MoveInQueueCommand(lineId, steps), cancellationToken);

    /// <inheritdoc />
    public Task SetBlockAllAsync(bool blocked, CancellationToken cancellationToken = default) =>
        PostAsync(new SetBlockAllCommand(blocked), cancellationToken);

    /// <summary>Phone system: a caller rang in and was answered with the stream TwiML.</summary>
    public Task AddIncomingCallAsync(PhoneLineState line, CancellationToken cancellationToken = default) =>
        PostAsync(new AddIncomingCallCommand(line), cancellationToken);

    /// <summary>Phone system: the caller's media stream started.</summary>
    public Task LineConnectedAsync(string lineId, CancellationToken cancellationToken = default) =>
        PostAsync(new LineConnectedCommand(lineId), cancellationToken);

    /// <summary>Phone system: the caller hung up, or the call never connected its stream.</summary>
    public Task CallerLeftAsync(string lineId, bool neverConnected = false, CancellationToken cancellationToken = default) =>
        PostAsync(new EndLineCommand(lineId, neverConnected ? LineEnd.NeverConnected : LineEnd.CallerLeft), cancellationToken);

    /// <summary>Phone system: show or clear a problem on a line.</summary>
    public Task SetLineProblemAsync(string lineId, string? problem, CancellationToken cancellationToken = default) =>
        PostAsync(new SetLineProblemCommand(lineId, problem), cancellationToken);

    /// <summary>Phone system: how callers reach the studio.</summary>
    public Task SetTelephonyStatusAsync(TelephonyStatus status, CancellationToken cancellationToken = default) =>
        PostAsync(new SetTelephonyStatusCommand(status), cancellationToken);

    /// <summary>Adds a line from any party (phone caller, AI, system) to the live transcript.</summary>
    public Task AddTranscriptEntryAsync(
        string speaker, PartyKind kind, string text, TimeSpan? start = null, TimeSpan? end = null,
        CancellationToken cancellationToken = default) =>
        PostAsync(new AddTranscriptEntryCommand(speaker, kind, text, start, end), cancellationToken);

    internal async Task PostAsync(StudioCommand command, CancellationToken cancellationToken)
    {
        try
        {
            await _commands.Writer.WriteAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new StudioCommandException("The studio engine has stopped.");
        }

        await command.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static StudioState Restore(StudioState initial, RestoredStudio restored) => initial with
    {
        Version = initial.Version + 1,
        Show = restored.Show,
        OnAir = restored.Show is { IsLive: true },
        Transcript = restored.Transcript,
        RespondMode = restored.Settings.RespondMode,
        AutoFollowUp = restored.Settings.AutoFollowUp,
        Routing = restored.Settings.Routing ?? initial.Routing,
        AiProviders = restored.Settings.AiProviders,
    };

    private async Task RunCommandLoopAsync()
    {
        await foreach (var command in _commands.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                var next = await command.ApplyAsync(_state, _context, CancellationToken.None).ConfigureAwait(false);
                if (!ReferenceEquals(next, _state))
                {
                    _state = next with { Version = _state.Version + 1 };
                    foreach (var subscription in _subscribers)
                    {
                        subscription.Offer(_state);
                    }
                }

                command.Complete();
            }
            catch (StudioCommandException refused)
            {
                StudioEngineLog.CommandRefused(_logger, command.GetType().Name, refused.Message);
                command.Fail(refused);
            }
            catch (Exception error)
            {
                StudioEngineLog.CommandFailed(_logger, command.GetType().Name, error);
                command.Fail(new StudioCommandException($"The studio could not do that: {error.Message}"));
            }
        }
    }

    private async Task RunClockAsync(DateTimeOffset epoch, CancellationToken cancellationToken)
    {
        // Ticks fall on a one-second grid anchored at the live show's start (else at engine start), so the
        // show clock turns over exactly on the second. Due times are absolute: a late timer ticks at once.
        var lastTick = epoch;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var anchor = _state.Show is { IsLive: true } show ? show.Started : epoch;
                var due = NextGridPoint(anchor, lastTick);
                var now = _time.GetUtcNow();
                if (now - due > ClockInterval)
                {
                    due = NextGridPoint(anchor, now - ClockInterval); // fell far behind: skip, don't burst
                }

                if (due > now)
                {
                    await Task.Delay(due - now, _time, cancellationToken).ConfigureAwait(false);
                }

                _commands.Writer.TryWrite(new TickCommand());
                lastTick = due;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static DateTimeOffset NextGridPoint(DateTimeOffset anchor, DateTimeOffset after)
    {
        var elapsed = (after - anchor).Ticks;
        var floor = elapsed / ClockInterval.Ticks;
        if (elapsed < 0 && elapsed % ClockInterval.Ticks != 0)
        {
            floor--;
        }

        return anchor + TimeSpan.FromTicks((floor + 1) * ClockInterval.Ticks);
    }

    private async Task RunEventLogPumpAsync(CancellationToken cancellationToken)
    {
        var reader = _eventLog.Reader;
        var batch = new List<StudioLogEntry>();
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (batch.Count < 256 && reader.TryRead(out var entry))
                {
                    batch.Add(entry);
                }

                // Log lines are best effort: when the command queue is full they are dropped, never waited for.
                _commands.Writer.TryWrite(new AppendLogCommand(batch.ToArray()));
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Remove(ThrottledSubscription subscription) =>
        ImmutableInterlocked.Update(ref _subscribers, static (list, s) => list.Remove(s), subscription);
}
