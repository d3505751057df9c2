namespace RadioStudio.Engine.Show.Turns;

/// <summary>
/// Auto mode's timing: when someone finishes a turn, wait out the debounce (anyone starting to talk again, or a
/// newer turn end, cancels the wait), then the cooldown since the AI's last turn, then ask whether the AI
/// should jump in, and if so start its turn. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class AutoResponder(TimeProvider time)
{
    private CancellationTokenSource? _pending;
    private DateTimeOffset _lastAiTurn = DateTimeOffset.MinValue;

    /// <summary>Quiet time after a turn before the AI may speak.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Least time between the end of one AI turn and the start of the next.</summary>
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait in progress (completed when none); tests await it.</summary>
    public Task Pending { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// Someone finished a turn: after debounce and cooldown, <paramref name="decide"/> is asked and, on yes,
    /// <paramref name="respond"/> runs. Replaces any wait already in progress.
    /// </summary>
    public void TurnEnded(Func<CancellationToken, Task<bool>> decide, Action respond, CancellationToken callToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentNullException.ThrowIfNull(respond);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(callToken);
        Interlocked.Exchange(ref _pending, cancellation)?.Cancel();
        Pending = RunAsync(decide, respond, cancellation);
    }

    /// <summary>Someone started talking: a waiting reply waits for them to finish.</summary>
    public void SpeechStarted() => Interlocked.Exchange(ref _pending, null)?.Cancel();

    /// <summary>The AI finished a turn: the cooldown counts from now.</summary>
    public void AiTurnEnded() => _lastAiTurn = time.GetUtcNow();

    private async Task RunAsync(Func<CancellationToken, Task<bool>> decide, Action respond, CancellationTokenSource cancellation)
    {
        var token = cancellation.Token;
        try
        {
            if (Debounce > TimeSpan.Zero)
            {
                await Task.Delay(Debounce, time, token).ConfigureAwait(false);
            }

            var cooldown = Cooldown - (time.GetUtcNow() - _lastAiTurn);
            if (cooldown > TimeSpan.Zero)
            {
                await Task.Delay(cooldown, time, token).ConfigureAwait(false);
            }

            if (await decide(token).ConfigureAwait(false))
            {
                token.ThrowIfCancellationRequested();
                respond();
            }
        }
        catch (OperationCanceledException)
        {
            // Someone started talking again, the call ended, or a newer turn end superseded this one.
        }
        finally
        {
            Interlocked.CompareExchange(ref _pending, null, cancellation);
            cancellation.Dispose();
        }
    }
}
