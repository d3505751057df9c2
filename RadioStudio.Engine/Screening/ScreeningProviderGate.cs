using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Screening;

/// <summary>
/// Bounds the screeners' provider calls (STT, LLM, TTS) across every holding line to
/// <see cref="ScreeningOptions.MaxProviderConcurrency"/>, and lets the on-air turn go first: while the on-air AI
/// caller is thinking (its own provider calls in flight) a screener call waits for it, up to
/// <see cref="PriorityWait"/>, before taking its slot. The on-air turn never waits for a screener.
/// Fed by engine snapshots (<see cref="OnState"/>), like every room.
/// </summary>
public sealed class ScreeningProviderGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _time;
    private TaskCompletionSource _onAirIdle = Completed();

    /// <summary>Creates a gate with <paramref name="concurrency"/> slots.</summary>
    public ScreeningProviderGate(int concurrency, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _slots = new SemaphoreSlim(concurrency, concurrency);
        _time = time;
        Capacity = concurrency;
    }

    /// <summary>Slots in all.</summary>
    public int Capacity { get; }

    /// <summary>Screener calls in flight now.</summary>
    public int InUse => Capacity - _slots.CurrentCount;

    /// <summary>The longest a screener call defers to a thinking on-air turn.</summary>
    public TimeSpan PriorityWait { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Takes a slot (after the on-air turn's thinking, bounded); dispose the result to give it back.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        var idle = Volatile.Read(ref _onAirIdle).Task;
        if (!idle.IsCompleted)
        {
            try
            {
                await idle.WaitAsync(PriorityWait, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // A long on-air turn must not starve screening: go ahead after the bounded wait.
            }
        }

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(_slots);
    }

    /// <summary>A new engine snapshot: the on-air AI caller is thinking or not.</summary>
    public void OnState(StudioState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var current = Volatile.Read(ref _onAirIdle);
        if (state.Ai.Phase == AiPhase.Thinking)
        {
            if (current.Task.IsCompleted)
            {
                Interlocked.CompareExchange(ref _onAirIdle, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
            }
        }
        else
        {
            current.TrySetResult();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
