namespace RadioStudio.Engine.Show.Turns;

/// <summary>One AI turn in flight: cancelled by barge-in, by its call ending, or by its timeout.</summary>
internal sealed class TurnRun(ActiveAiCall call, TurnTrigger trigger, long startTimestamp, TimeSpan? speechToTextFinal) : IDisposable
{
    private readonly CancellationTokenSource _cancellation = CancellationTokenSource.CreateLinkedTokenSource(call.Token);
    private volatile bool _bargedIn;
    private ITimer? _timeout;

    public ActiveAiCall Call { get; } = call;

    public TurnTrigger Trigger { get; } = trigger;

    /// <summary>Stopwatch timestamp of the end of the speech (or the click) that started the turn.</summary>
    public long StartTimestamp { get; } = startTimestamp;

    public TimeSpan? SpeechToTextFinal { get; } = speechToTextFinal;

    public CancellationToken Token => _cancellation.Token;

    public bool BargedIn => _bargedIn;

    public bool TimedOut { get; private set; }

    public Task Completion { get; set; } = Task.CompletedTask;

    public void BargeIn()
    {
        _bargedIn = true;
        Cancel();
    }

    public void CancelAfter(TimeSpan timeout, TimeProvider time)
    {
        _timeout = time.CreateTimer(_ => { TimedOut = true; Cancel(); }, null, timeout, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _timeout?.Dispose();
        _cancellation.Dispose();
    }

    private void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The turn already finished.
        }
    }
}
