using System.Collections.Concurrent;
using System.Diagnostics;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Studio;

public sealed class ThrottledSubscriptionTests
{
    private static StudioState Snapshot(long version) => new() { Version = version };

    [Fact]
    public async Task Offer_BurstWhileSubscriberBusy_DeliversOnlyTheLatest()
    {
        var delivered = new ConcurrentQueue<long>();
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gotLatest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = new ThrottledSubscription(
            async state =>
            {
                delivered.Enqueue(state.Version);
                if (state.Version == 1)
                {
                    firstStarted.SetResult();
                    await releaseFirst.Task;
                }

                if (state.Version == 100)
                {
                    gotLatest.SetResult();
                }
            },
            TimeSpan.Zero, TimeProvider.System, _ => { }, _ => { });

        subscription.Offer(Snapshot(1));
        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var v = 2; v <= 100; v++)
        {
            subscription.Offer(Snapshot(v));
        }

        releaseFirst.SetResult();
        await gotLatest.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1L, 100L], delivered.ToArray());
    }

    [Fact]
    public async Task Offer_OlderAfterNewer_IsIgnored()
    {
        var delivered = new ConcurrentQueue<long>();
        var gotOne = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = new ThrottledSubscription(
            async state =>
            {
                delivered.Enqueue(state.Version);
                gotOne.TrySetResult();
                await release.Task;
            },
            TimeSpan.Zero, TimeProvider.System, _ => { }, _ => { });

        subscription.Offer(Snapshot(7));
        await gotOne.Task.WaitAsync(TimeSpan.FromSeconds(10));
        subscription.Offer(Snapshot(9));
        subscription.Offer(Snapshot(8));
        subscription.Offer(Snapshot(9));
        release.SetResult();
        await Poll.AssertUntilAsync(() => delivered.Count == 2, "the newer state is delivered");
        subscription.Dispose();
        await subscription.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([7L, 9L], delivered.ToArray());
    }

    [Fact]
    public async Task Offer_Continuously_DeliveriesAreSpacedByTheThrottle()
    {
        var throttle = TimeSpan.FromMilliseconds(100);
        var stamps = new ConcurrentQueue<long>();
        var fiveDeliveries = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = new ThrottledSubscription(
            _ =>
            {
                stamps.Enqueue(Stopwatch.GetTimestamp());
                if (stamps.Count == 5)
                {
                    fiveDeliveries.TrySetResult();
                }

                return Task.CompletedTask;
            },
            throttle, TimeProvider.System, _ => { }, _ => { });

        var version = 0L;
        while (!fiveDeliveries.Task.IsCompleted)
        {
            subscription.Offer(Snapshot(++version));
            await Task.Yield();
        }

        var times = stamps.Take(5).ToArray();
        var gaps = times.Zip(times.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b));
        // .NET timers run on a coarse tick and may fire a few ms early; anything near the throttle is spaced by it,
        // while an unthrottled pump would deliver within microseconds.
        Assert.All(gaps, gap => Assert.True(gap >= throttle * 0.9, $"gap {gap.TotalMilliseconds} ms"));
        Assert.True(version > 5, "the offers outnumbered the deliveries");
    }

    [Fact]
    public async Task Callback_Throws_ErrorIsReportedAndLaterStatesStillArrive()
    {
        var errors = new ConcurrentQueue<Exception>();
        var calls = 0;
        var secondCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = new ThrottledSubscription(
            _ =>
            {
                if (Interlocked.Increment(ref calls) == 2)
                {
                    secondCall.SetResult();
                }

                throw new InvalidOperationException("subscriber bug");
            },
            TimeSpan.Zero, TimeProvider.System, errors.Enqueue, _ => { });

        subscription.Offer(Snapshot(1));
        await Poll.AssertUntilAsync(() => !errors.IsEmpty, "the error is reported");
        subscription.Offer(Snapshot(2));
        await secondCall.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("subscriber bug", errors.First().Message);
    }

    [Fact]
    public async Task Dispose_StopsDeliveryAndUnregistersOnce()
    {
        var removed = 0;
        var delivered = 0;
        var subscription = new ThrottledSubscription(
            _ =>
            {
                Interlocked.Increment(ref delivered);
                return Task.CompletedTask;
            },
            TimeSpan.Zero, TimeProvider.System, _ => { }, _ => Interlocked.Increment(ref removed));

        subscription.Dispose();
        subscription.Dispose();
        subscription.Offer(Snapshot(1));
        await subscription.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, removed);
        Assert.Equal(0, delivered);
    }
}
