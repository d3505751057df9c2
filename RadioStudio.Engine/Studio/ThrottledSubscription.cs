using System.Threading.Channels;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio;

/// <summary>
/// One subscriber's latest-wins mailbox and pump. The engine only ever calls <see cref="Offer"/>, which
/// never blocks; the pump delivers on the thread pool and then waits out the throttle interval, so a
/// burst of changes becomes one delivery of the newest snapshot.
/// </summary>
internal sealed class ThrottledSubscription : IDisposable
{
    private readonly Channel<StudioState> _mailbox = Channel.CreateBounded<StudioState>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<StudioState, Task> _onChange;
    private readonly TimeSpan _throttle;
    private readonly TimeProvider _time;
    private readonly Action<Exception> _onError;
    private readonly Action<ThrottledSubscription> _onDispose;
    private readonly Lock _offerGate = new();
    private long _offeredVersion = -1;
    private int _disposed;

    public ThrottledSubscription(
        Func<StudioState, Task> onChange, TimeSpan throttle, TimeProvider time,
        Action<Exception> onError, Action<ThrottledSubscription> onDispose)
    {
        _onChange = onChange;
        _throttle = throttle;
        _time = time;
        _onError = onError;
        _onDispose = onDispose;
        Completion = Task.Run(PumpAsync);
    }

    /// <summary>Finishes when the pump has stopped after <see cref="Dispose"/>.</summary>
    public Task Completion { get; }

    /// <summary>
    /// Queues <paramref name="state"/> unless a snapshot at least as new was already offered: the engine
    /// loop and <c>Subscribe</c> (offering the current snapshot) may race, and the older one must not win.
    /// </summary>
    public void Offer(StudioState state)
    {
        lock (_offerGate)
        {
            if (state.Version <= _offeredVersion)
            {
                return;
            }

            _offeredVersion = state.Version;
            _mailbox.Writer.TryWrite(state);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Cancel before completing: the pump must never be able to finish (and stop using the token) first.
        _stop.Cancel();
        _mailbox.Writer.TryComplete();
        _onDispose(this);
    }

    private async Task PumpAsync()
    {
        var token = _stop.Token;
        try
        {
            while (await _mailbox.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                if (!_mailbox.Reader.TryRead(out var state))
                {
                    continue;
                }

                try
                {
                    await _onChange(state).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    _onError(ex);
                }

                await Task.Delay(_throttle, _time, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposed: nothing more to deliver. _stop has no timer, so it is left to the GC rather than
            // disposed here while Dispose() may still be cancelling it.
        }
    }
}
