using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Show.WarmUp;

/// <summary>
/// Runs <see cref="TurnPathWarmer"/> in the background when the studio starts and again when an AI caller is put
/// on a line (seen in the snapshots: the active AI slot changes to a caller), so the show's first AI turn does not
/// pay for cold code and cold connections. A pass already running is not doubled; stopping cancels it.
/// </summary>
public sealed partial class TurnWarmUpService(
    IStudioStore store, TurnPathWarmer warmer, IOptions<WarmUpOptions> options, ILogger<TurnWarmUpService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private IDisposable? _subscription;
    private Task _running = Task.CompletedTask;
    private int? _activeSlot;
    private int _passes;

    /// <summary>Passes finished so far (tests wait on it).</summary>
    public int Passes => Volatile.Read(ref _passes);

    /// <summary>The last finished pass (its reason is "start" or "put-on-line").</summary>
    public WarmUpPass? LastPass { get; private set; }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return Task.CompletedTask;
        }

        _activeSlot = store.Current.Ai.ActiveSlot;
        _subscription = store.Subscribe(OnStateAsync, TimeSpan.Zero);
        Run("start");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task running;
        lock (_lock)
        {
            running = _running;
        }

        await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _subscription?.Dispose();
        _stopping.Dispose();
    }

    internal Task OnStateAsync(StudioState state)
    {
        var slot = state.Ai.ActiveSlot;
        var putOnLine = slot is not null && slot != _activeSlot;
        _activeSlot = slot;
        if (putOnLine)
        {
            Run("put-on-line");
        }

        return Task.CompletedTask;
    }

    private void Run(string reason)
    {
        lock (_lock)
        {
            if (!_running.IsCompleted || _stopping.IsCancellationRequested)
            {
                return;
            }

            _running = Task.Run(() => PassAsync(reason));
        }
    }

    private async Task PassAsync(string reason)
    {
        try
        {
            var pass = await warmer.WarmUpAsync(reason, _stopping.Token).ConfigureAwait(false);
            LastPass = pass;
            Interlocked.Increment(ref _passes);
            Log.Warmed(logger, reason, pass.Took.TotalMilliseconds, pass.Failed.Count);
        }
        catch (OperationCanceledException)
        {
            // The studio is stopping.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5400, Level = LogLevel.Debug, Message = "AI turn path warmed ({Reason}) in {Milliseconds:0} ms; {Failed} step(s) not warmed")]
        public static partial void Warmed(ILogger logger, string reason, double milliseconds, int failed);
    }
}
