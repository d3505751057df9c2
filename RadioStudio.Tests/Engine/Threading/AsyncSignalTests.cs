using RadioStudio.Engine.Threading;

namespace RadioStudio.Tests.Engine.Threading;

public sealed class AsyncSignalTests
{
    [Fact]
    public async Task ASignalGivenBeforeTheWait_IsKept_AndSeveralCountAsOne()
    {
        var signal = new AsyncSignal();
        signal.Set();
        signal.Set();

        var first = signal.WaitAsync();
        Assert.True(first.IsCompleted);
        await first;

        var second = signal.WaitAsync();
        Assert.False(second.IsCompleted, "two sets before one wait wake it once");
        signal.Set();
        await second.AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AWaiter_IsWokenFromAnotherThread_AndItsContinuationDoesNotRunOnTheSettersThread()
    {
        var signal = new AsyncSignal();
        var wait = signal.WaitAsync();
        Assert.False(wait.IsCompleted);
        var woken = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        wait.ConfigureAwait(true).GetAwaiter().OnCompleted(() => woken.SetResult(Environment.CurrentManagedThreadId));

        var setterThread = 0;
        var setter = new Thread(() =>
        {
            setterThread = Environment.CurrentManagedThreadId;
            signal.Set();
        });
        setter.Start();
        setter.Join();

        var continuationThread = await woken.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotEqual(setterThread, continuationThread);
    }

    [Fact]
    public async Task ThousandsOfWakeUps_AcrossThreads_NoneIsLost()
    {
        const int Rounds = 5_000;
        var signal = new AsyncSignal();
        var produced = 0;
        var consumed = 0;
        var consumer = Task.Run(async () =>
        {
            while (Volatile.Read(ref consumed) < Rounds)
            {
                if (Volatile.Read(ref produced) > consumed)
                {
                    consumed++;
                    continue;
                }

                await signal.WaitAsync().ConfigureAwait(false);
            }
        });

        var producer = new Thread(() =>
        {
            for (var i = 0; i < Rounds; i++)
            {
                Interlocked.Increment(ref produced);
                signal.Set();
            }
        });
        producer.Start();
        producer.Join();

        await consumer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Rounds, consumed);
    }

    [Fact]
    public void SetAndAnAlreadySignalledWait_AllocateNothing()
    {
        var signal = new AsyncSignal();
        signal.Set();
        var completed = Completed(signal.WaitAsync());

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            signal.Set();
            completed += Completed(signal.WaitAsync());
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1_001, completed);
    }

    private static int Completed(ValueTask wait) => wait.IsCompleted ? 1 : 0;
}
