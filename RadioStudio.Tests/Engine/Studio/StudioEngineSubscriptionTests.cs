using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Studio;

public sealed class StudioEngineSubscriptionTests : IAsyncLifetime
{
    private EngineHarness _h = null!;

    public async Task InitializeAsync() => _h = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Subscribe_GetsCurrentStateAtOnce()
    {
        var first = new TaskCompletionSource<StudioState>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = _h.Engine.Subscribe(s => { first.TrySetResult(s); return Task.CompletedTask; });

        Assert.Same(_h.Engine.Current, await first.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Subscribe_BurstOfCommands_IsCoalescedToFewerPushesEndingAtTheLatest()
    {
        await _h.Engine.SetOnAirAsync(true);
        var received = new ConcurrentQueue<StudioState>();
        // The engine's clock is fake, so the 50 ms throttle only elapses when the test advances it:
        // every command below lands inside one throttle window.
        using var _ = _h.Engine.Subscribe(s => { received.Enqueue(s); return Task.CompletedTask; });
        await Poll.AssertUntilAsync(() => received.Count == 1, "the current state is delivered at once");

        for (var i = 0; i < 20; i++)
        {
            await _h.Engine.AddHostLineAsync($"line {i}");
        }

        // Advancing the fake clock ends the throttle window (again, if the pump armed its delay only afterwards).
        for (var attempt = 0; attempt < 20 && !received.Any(s => s.Transcript.Count == 20); attempt++)
        {
            _h.Time.Advance(TimeSpan.FromMilliseconds(50));
            await Poll.UntilAsync(() => received.Count >= 2, TimeSpan.FromMilliseconds(500));
        }

        Assert.Equal(2, received.Count);
        Assert.Equal(20, received.Last().Transcript.Count);
    }

    [Fact]
    public async Task Subscriber_Throwing_DoesNotStopOthersOrTheEngine()
    {
        var good = new ConcurrentQueue<StudioState>();
        using var bad = _h.Engine.Subscribe(_ => throw new InvalidOperationException("broken page"), TimeSpan.Zero);
        using var fine = _h.Engine.Subscribe(s => { good.Enqueue(s); return Task.CompletedTask; }, TimeSpan.Zero);

        await _h.Engine.SetOnAirAsync(true);
        await _h.Engine.AddHostLineAsync("still here");

        await Poll.AssertUntilAsync(() => good.Any(s => s.Transcript.Count == 1), "the healthy subscriber keeps receiving");
        await Poll.AssertUntilAsync(() => _h.Logger.Lines.Any(l => l.Level == LogLevel.Warning && l.Error?.Message == "broken page"), "the failure is logged");
        Assert.True(_h.Engine.Current.OnAir);
    }

    [Fact]
    public async Task Dispose_Subscription_StopsPushes()
    {
        var count = 0;
        var sub = (ThrottledSubscription)_h.Engine.Subscribe(_ => { Interlocked.Increment(ref count); return Task.CompletedTask; }, TimeSpan.Zero);
        await Poll.AssertUntilAsync(() => Volatile.Read(ref count) >= 1, "the current state is delivered at once");
        sub.Dispose();
        await sub.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        var before = Volatile.Read(ref count);

        await _h.Engine.SetOnAirAsync(true);
        // Another subscriber seeing the change proves the push went out; the disposed one got none.
        await _h.Engine.WaitForAsync(s => s.OnAir);
        Assert.Equal(before, Volatile.Read(ref count));
    }

    [Fact]
    public async Task Clock_TicksOncePerSecondOnTheShowGrid()
    {
        await _h.Engine.SetOnAirAsync(true);
        var started = _h.Engine.Current.Show!.Started;

        for (var second = 1; second <= 3; second++)
        {
            _h.Time.Advance(TimeSpan.FromSeconds(1));
            var expected = started.AddSeconds(second);
            var state = await _h.Engine.WaitForAsync(s => s.Now >= expected);
            Assert.Equal(expected, state.Now);
            Assert.Equal(TimeSpan.FromSeconds(second), state.ShowElapsed);
        }
    }

    [Fact]
    public async Task Clock_ShowStartsOffGrid_TicksRealignToTheShowStart()
    {
        _h.Time.Advance(TimeSpan.FromMilliseconds(400));
        await _h.Engine.SetOnAirAsync(true);
        var started = _h.Engine.Current.Show!.Started;

        // A tick armed on the old grid (engine start + 1 s) may still fire; after it, ticks are whole show seconds.
        _h.Time.Advance(TimeSpan.FromMilliseconds(600));
        _h.Time.Advance(TimeSpan.FromMilliseconds(400));
        var state = await _h.Engine.WaitForAsync(s => s.Now >= started.AddSeconds(1));

        Assert.Equal(started.AddSeconds(1), state.Now);
    }
}
