using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Diagnostics;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Audio;

public sealed partial class ClockDiagnosticsTests
{
    private const int ProtReadWrite = 0x1 | 0x2;
    private const int MapPrivateAnonymous = 0x02 | 0x20;

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "mmap")]
    private static partial nint MapAnonymous(nint address, nint length, int protection, int flags, int fd, long offset);

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int Unmap(nint address, nint length);

    [Fact]
    public void LateBlocks_AreKeptWithTheirTimeIntervalAndWork_OnTimeOnesAreNot()
    {
        var stats = new AudioClockStats();
        var at = new DateTime(2026, 11, 24, 20, 0, 0, DateTimeKind.Utc);

        stats.Record(TimeSpan.FromMilliseconds(20), collected: false, default, TimeSpan.FromMilliseconds(0.4));
        stats.Record(TimeSpan.FromMilliseconds(31.5), collected: true, at, TimeSpan.FromMilliseconds(11));
        stats.Record(TimeSpan.FromMilliseconds(21.9), collected: false, default, TimeSpan.FromMilliseconds(0.4));

        var late = Assert.Single(stats.LateBlocks());
        Assert.Equal(new LateBlock(at, TimeSpan.FromMilliseconds(31.5), TimeSpan.FromMilliseconds(11), Collected: true), late);
        Assert.Equal(1, stats.LateWithCollection);
    }

    [Fact]
    public void ALateBlock_KeepsWhatTheKernelDidToTheClockThread()
    {
        var stats = new AudioClockStats();
        var at = new DateTime(2026, 11, 24, 20, 0, 0, DateTimeKind.Utc);
        var usage = new ThreadUsage(MinorFaults: 12, MajorFaults: 1, VoluntarySwitches: 2, InvoluntarySwitches: 3);

        stats.Record(TimeSpan.FromMilliseconds(28), collected: false, at, TimeSpan.FromMilliseconds(8), usage);

        Assert.Equal(usage, Assert.Single(stats.LateBlocks()).Usage);
    }

    [Fact]
    public unsafe void ThreadUsage_CountsThisThreadsPageFaults_AndItsSwitchesAsTheKernelShowsThem()
    {
        Assert.True(ThreadUsage.TryReadCurrent(out var before), "getrusage(RUSAGE_THREAD) is available on Linux");

        // A fresh anonymous mapping (not malloc, which may hand back pages another test already touched): the first
        // write to each page faults it in on this thread.
        const int Bytes = 16 << 20;
        var memory = (byte*)MapAnonymous(0, Bytes, ProtReadWrite, MapPrivateAnonymous, -1, 0);
        Assert.True(memory != (byte*)-1, "mmap of 16 MiB");
        try
        {
            for (var offset = 0; offset < Bytes; offset += 4096)
            {
                memory[offset] = 1;
            }
        }
        finally
        {
            _ = Unmap((nint)memory, Bytes);
        }

        Assert.True(ThreadUsage.TryReadCurrent(out var after));
        Assert.True((after - before).MinorFaults > 0, $"{after - before}");

        // The switch counters agree with what the kernel shows for this thread in /proc (the struct layout is right).
        var status = File.ReadAllLines("/proc/thread-self/status");
        Assert.True(ThreadUsage.TryReadCurrent(out var now));
        Assert.InRange(now.VoluntarySwitches - Field(status, "voluntary_ctxt_switches"), 0, 2);
        Assert.InRange(now.InvoluntarySwitches - Field(status, "nonvoluntary_ctxt_switches"), 0, 5);
    }

    private static long Field(string[] status, string name) =>
        long.Parse(status.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void LateBlocks_KeepTheLast256_OldestFirst()
    {
        var stats = new AudioClockStats();
        var at = new DateTime(2026, 11, 24, 20, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 300; i++)
        {
            stats.Record(TimeSpan.FromMilliseconds(25), collected: false, at.AddSeconds(i), TimeSpan.Zero);
        }

        var kept = stats.LateBlocks();
        Assert.Equal(AudioClockStats.LateKept, kept.Count);
        Assert.Equal(at.AddSeconds(300 - AudioClockStats.LateKept), kept[0].StartedUtc);
        Assert.Equal(at.AddSeconds(299), kept[^1].StartedUtc);
    }

    [Fact]
    public async Task RuntimePauseMonitor_RecordsAGarbageCollection_AsASuspensionWithItsGeneration()
    {
        using var monitor = new RuntimePauseMonitor();
        var from = TimeProvider.System.GetUtcNow().UtcDateTime;

        // The runtime's events reach the listener on its own dispatch thread: collect until one has arrived.
        await Poll.AssertUntilAsync(
            () =>
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true);
                return monitor.Snapshot().Any(s => s.Reason.StartsWith("GC (gen2", StringComparison.Ordinal));
            },
            "a forced gen2 collection is recorded",
            TimeSpan.FromSeconds(20));

        var suspension = monitor.Snapshot().First(s => s.Reason.StartsWith("GC (gen2", StringComparison.Ordinal));
        Assert.True(suspension.Start >= from.AddSeconds(-1), $"{suspension.Start:O} is not after {from:O}");
        Assert.True(suspension.Duration >= suspension.Stopping, "stopping the threads is part of the pause");
        Assert.Contains(suspension, monitor.Overlapping(suspension.Start, suspension.Start + suspension.Duration));
    }
}
