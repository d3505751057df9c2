using System.Collections.Concurrent;
using System.Diagnostics;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Diagnostics;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Audio;

public sealed class AudioClockTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task WithoutStandby_OneThreadRunsEveryBlock_InOrder()
    {
        var client = new RecordingClient();
        var started = new ConcurrentBag<AudioClockThread>();
        using (var clock = new AudioClock())
        {
            clock.Started += started.Add;
            clock.Add(client);
            clock.Start();
            await Poll.AssertUntilAsync(() => client.Count >= 20, "the clock ran 20 blocks", Patience);
        }

        Assert.False(Assert.Single(started).Standby);

        var blocks = client.Blocks();
        AssertRunOnceEachInOrder(blocks);
        Assert.Single(blocks.Select(b => b.Thread).Distinct());
        Assert.Equal(0, client.Overlaps);
    }

    [Fact]
    public async Task WithStandby_TheTwoThreadsArePinned_EachToItsOwnCpu()
    {
        if (RealtimeScheduling.AllowedCpus().Length < 2)
        {
            return; // a standby needs a second CPU; the clock then runs alone (covered above)
        }

        var started = new ConcurrentBag<AudioClockThread>();
        using var clock = new AudioClock { Standby = true };
        clock.Started += started.Add;
        clock.Start();
        await Poll.AssertUntilAsync(() => started.Count == 2, "both clock threads started", Patience);

        var cpus = started.OrderBy(t => t.Standby).Select(t => AllowedCpusOf(t.OsThreadId)).ToArray();
        Assert.Equal([false, true], started.OrderBy(t => t.Standby).Select(t => t.Standby));
        Assert.All(cpus, list => Assert.DoesNotContain(list, c => c is ',' or '-'));
        Assert.NotEqual(cpus[0], cpus[1]);
        Assert.All(started, t => Assert.Contains($"on CPU {AllowedCpusOf(t.OsThreadId)}", t.Scheduling, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClockThreadStalled_TheStandbyRunsTheBlocksOnTime_AndHandsBack_EachBlockOnceInOrder()
    {
        if (RealtimeScheduling.AllowedCpus().Length < 2)
        {
            return;
        }

        var client = new RecordingClient();
        using var stall = new ManualResetEventSlim(true);
        using var clock = new AudioClock { Standby = true };
        // The clock thread stops between its wake-up and its claim whenever the gate is shut: a vCPU not run.
        clock.AfterWake = standby =>
        {
            if (!standby)
            {
                stall.Wait();
            }
        };
        clock.Add(client);
        clock.Start();
        await Poll.AssertUntilAsync(() => client.Count >= 10, "the clock ran 10 blocks", Patience);

        int stalledFrom, resumedFrom;
        try
        {
            stall.Reset();
            stalledFrom = client.Count;
            await Poll.AssertUntilAsync(() => client.Count >= stalledFrom + 40, "blocks went on while the clock thread was stalled", Patience);
        }
        finally
        {
            stall.Set();
        }

        resumedFrom = client.Count;
        await Poll.AssertUntilAsync(() => client.Count >= resumedFrom + 20, "blocks went on after the stall", Patience);
        clock.Dispose();

        var blocks = client.Blocks();
        AssertRunOnceEachInOrder(blocks);
        Assert.Equal(0, client.Overlaps);
        Assert.Equal(0, clock.Stats.Skipped);

        // During the stall (give the stall two blocks to take hold) every block ran on the standby thread, and the
        // blocks kept their 20 ms pace: judged by the median, as a loaded test machine delays single wake-ups.
        var during = blocks.Skip(stalledFrom + 2).Take(35).ToArray();
        var standbyManaged = during[^1].Thread;
        Assert.All(during, b => Assert.Equal(standbyManaged, b.Thread));
        var intervals = during.Zip(during.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a.At, b.At).TotalMilliseconds).Order().ToArray();
        Assert.InRange(intervals[intervals.Length / 2], 18, 22);

        // Once released, the clock thread takes the blocks back (it wakes first, on the deadline).
        var after = blocks.Skip(resumedFrom + 5).ToArray();
        Assert.Contains(after, b => b.Thread != standbyManaged);
    }

    [Fact]
    public async Task WithStandby_EachDeadlineGetsOneBlock_NeverAnExtraOne()
    {
        var client = new RecordingClient();
        long started;
        using (var clock = new AudioClock { Standby = true })
        {
            clock.Add(client);
            started = Stopwatch.GetTimestamp();
            clock.Start();
            await Poll.AssertUntilAsync(() => client.Count >= 100, "the clock ran 100 blocks", Patience);
        }

        var blocks = client.Blocks();
        AssertRunOnceEachInOrder(blocks);
        Assert.Equal(0, client.Overlaps);

        // No block before its deadline: block i is due (i + 1) × 20 ms after the clock started, and the clock started
        // after `started`. A block run twice would put every later one a block ahead of its deadline.
        var early = blocks.Select((b, i) => (i, ms: Stopwatch.GetElapsedTime(started, b.At).TotalMilliseconds - ((i + 1) * 20.0))).Where(x => x.ms < 0).ToArray();
        Assert.True(early.Length == 0, $"blocks ahead of their deadline: {string.Join(", ", early.Take(5))}");

        // One block per deadline, 20 ms apart. A block run twice (the standby repeating one the clock had just run)
        // would come 0.25 ms after it, and the schedule would then wait 40 ms. Most, not all, intervals: a loaded test
        // machine delays single wake-ups.
        var intervals = blocks.Zip(blocks.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a.At, b.At).TotalMilliseconds).ToArray();
        var onPace = intervals.Count(ms => ms is >= 17 and <= 23);
        Assert.True(onPace >= intervals.Length * 0.8, $"{onPace} of {intervals.Length} intervals within 20 ± 3 ms: {string.Join(", ", intervals.Select(ms => ms.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    [Fact]
    public async Task ABlockOverrunningItsDeadline_IsNotStartedTwice_AndTheClockCatchesUp()
    {
        var client = new RecordingClient { SlowBlock = 15, SlowFor = TimeSpan.FromMilliseconds(70) };
        using var clock = new AudioClock { Standby = true };
        clock.Add(client);
        clock.Start();
        await Poll.AssertUntilAsync(() => client.Count >= 40, "the clock ran 40 blocks", Patience);
        clock.Dispose();

        var blocks = client.Blocks();
        AssertRunOnceEachInOrder(blocks);
        Assert.Equal(0, client.Overlaps);
        // 70 ms is under the catch-up limit: the blocks it held up run straight after it, none skipped.
        Assert.Equal(0, clock.Stats.Skipped);
        Assert.True(clock.Stats.Late >= 1, "the overrun shows as a late block");
    }

    [Fact]
    public void RuntimePauseMonitor_WatchesTheClockAndItsStandby_AndNoThirdThread()
    {
        using var monitor = new RuntimePauseMonitor();

        monitor.Watch(0);
        monitor.Watch(101);
        monitor.Watch(202);
        monitor.Watch(303);

        Assert.Equal([101L, 202L], monitor.WatchedThreadIds);
    }

    private static void AssertRunOnceEachInOrder(IReadOnlyList<(long Index, int Thread, long At)> blocks) =>
        Assert.Equal(Enumerable.Range(0, blocks.Count).Select(i => (long)i), blocks.Select(b => b.Index));

    // The kernel's view of where a thread may run, e.g. "1" (pinned) or "0-1".
    private static string AllowedCpusOf(long osThreadId) =>
        File.ReadAllLines($"/proc/self/task/{osThreadId}/status").Single(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))["Cpus_allowed_list:".Length..].Trim();

    /// <summary>Records each block's index, thread and start, and whether two blocks ever ran at once.</summary>
    private sealed class RecordingClient : IAudioClockClient
    {
        // Compiled here, not on a clock thread in its first block (as the studio prepares its own real-time path).
        static RecordingClient() => RealtimePath.Prepare([typeof(RecordingClient)]);

        private readonly (long Index, int Thread, long At)[] _blocks = new (long, int, long)[4096];
        private int _count;
        private int _inside;
        private int _overlaps;

        public long SlowBlock { get; init; } = -1;

        public TimeSpan SlowFor { get; init; }

        public int Count => Volatile.Read(ref _count);

        public int Overlaps => Volatile.Read(ref _overlaps);

        public void OnBlock(long blockIndex)
        {
            if (Interlocked.Increment(ref _inside) != 1)
            {
                Interlocked.Increment(ref _overlaps);
            }

            var at = Stopwatch.GetTimestamp();
            if (blockIndex == SlowBlock)
            {
                // Work that overruns the deadline (a block holding the claim), measured on the clock, not slept.
                while (Stopwatch.GetElapsedTime(at) < SlowFor)
                {
                    Thread.SpinWait(100);
                }
            }

            var n = Volatile.Read(ref _count);
            if (n < _blocks.Length)
            {
                _blocks[n] = (blockIndex, Environment.CurrentManagedThreadId, at);
                Volatile.Write(ref _count, n + 1);
            }

            Interlocked.Decrement(ref _inside);
        }

        public IReadOnlyList<(long Index, int Thread, long At)> Blocks() => _blocks.AsSpan(0, Count).ToArray();
    }
}
