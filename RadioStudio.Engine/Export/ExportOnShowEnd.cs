using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Show.Memory;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Export;

/// <summary>
/// When a show ends (OFF AIR), waits for its call summaries (at most <see cref="SummaryWait"/>) and exports it,
/// in the background: the host's OFF AIR never waits for it, and a failure is logged, not thrown.
/// </summary>
public sealed partial class ExportOnShowEnd(
    IStudioStore studio, ShowExporter exporter, ShowArchive archive, ExportProgressBoard board, SqliteCallRecordStore calls, TimeProvider time,
    ILogger<ExportOnShowEnd> logger) : IHostedService, IDisposable
{
    /// <summary>Longest wait for pending summaries before the chapters are written without them.</summary>
    public static readonly TimeSpan SummaryWait = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _subscription;
    private string? _liveShow;
    private readonly Lock _gate = new();
    private int _stopped;

    /// <summary>The export in flight, for tests and shutdown.</summary>
    public Task Current { get; private set; } = Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _liveShow = studio.Current.Show is { IsLive: true } live ? live.Id : null;
        _subscription = studio.Subscribe(state =>
        {
            var live = state.Show is { IsLive: true } show ? show.Id : null;
            if (_liveShow is { } ended && live != ended)
            {
                Queue(ended);
            }

            _liveShow = live;
            return Task.CompletedTask;
        }, TimeSpan.Zero);
        return Task.CompletedTask;
    }

    /// <summary>Exports (again) the show in the background, after any export already running; the pages follow its progress.</summary>
    public void Queue(string showId)
    {
        lock (_gate)
        {
            if (_stopped != 0)
            {
                return;
            }

            board.Report(showId, new ExportProgress(ExportPhase.WaitingForSummaries));
            var previous = Current;
            var stopping = _stopping.Token;
            Current = Task.Run(async () =>
            {
                await previous.ConfigureAwait(false);
                await ExportAsync(showId, stopping).ConfigureAwait(false);
            });
        }
    }

    /// <summary>Cancels the export in flight (its ffmpeg is killed) and waits for it to wind down, so nothing it uses is disposed under it.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Stop();
        await Current.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        lock (_gate)
        {
            _stopping.Dispose();
        }
    }

    // The host may stop or dispose this first (a test factory disposes before stopping): either way, once.
    private void Stop()
    {
        _subscription?.Dispose();
        lock (_gate)
        {
            if (Interlocked.Exchange(ref _stopped, 1) == 0)
            {
                _stopping.Cancel();
            }
        }
    }

    private async Task ExportAsync(string showId, CancellationToken cancellationToken)
    {
        try
        {
            var deadline = time.GetUtcNow() + SummaryWait;
            while (time.GetUtcNow() < deadline && (await calls.ListShowAsync(showId, cancellationToken).ConfigureAwait(false)).Any(c => c.SummaryPending))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken).ConfigureAwait(false);
            }

            await exporter.ExportAsync(showId, cancellationToken).ConfigureAwait(false);
            archive.Announce(showId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogFailed(logger, showId, error.Message);
            board.Report(showId, new ExportProgress(ExportPhase.NoMaster, Problem: error.Message));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export of show {ShowId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string showId, string reason);
}
