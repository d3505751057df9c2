namespace RadioStudio.Engine.Audio;

/// <summary>How steadily the clock ran: block intervals in 0.1 ms bins, lateness and skipped blocks.</summary>
public sealed class AudioClockStats
{
    /// <summary>Bins of 0.1 ms, 0–100 ms; the last bin holds everything longer.</summary>
    public const int BinCount = 1001;

    private readonly long[] _bins = new long[BinCount];
    private long _blocks;
    private long _skipped;
    private long _maxIntervalTicks;
    private long _faults;

    /// <summary>Client exceptions caught on the clock thread.</summary>
    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>Blocks run so far.</summary>
    public long Blocks => Interlocked.Read(ref _blocks);

    /// <summary>Blocks skipped after a stall (the clock jumps ahead rather than bursting).</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>The longest interval between two blocks.</summary>
    public TimeSpan MaxInterval => TimeSpan.FromTicks(Interlocked.Read(ref _maxIntervalTicks));

    /// <summary>A copy of the interval histogram.</summary>
    public long[] Histogram() => [.. _bins.Select(b => Interlocked.Read(ref b))];

    /// <summary>The share of intervals within <paramref name="tolerance"/> of <paramref name="target"/>.</summary>
    public double ShareWithin(TimeSpan target, TimeSpan tolerance)
    {
        var bins = Histogram();
        var total = bins.Sum();
        if (total == 0)
        {
            return 1;
        }

        var low = (int)Math.Max(0, (target - tolerance).TotalMilliseconds * 10);
        var high = (int)Math.Min(BinCount - 1, (target + tolerance).TotalMilliseconds * 10);
        return bins[low..(high + 1)].Sum() / (double)total;
    }

    /// <summary>Blocks that came more than 2 ms late.</summary>
    public long Late => Interlocked.Read(ref _late);

    /// <summary>Late blocks during which the runtime ran a garbage collection (a suspension the clock cannot avoid).</summary>
    public long LateWithCollection => Interlocked.Read(ref _lateWithCollection);

    /// <summary>The last late blocks (at most <see cref="LateKept"/>), oldest first.</summary>
    public IReadOnlyList<LateBlock> LateBlocks()
    {
        var late = Late;
        var kept = (int)Math.Min(late, LateKept);
        return [.. Enumerable.Range(0, kept).Select(i => _lateBlocks[(late - kept + i) % LateKept])];
    }

    /// <summary>How many late blocks are kept for <see cref="LateBlocks"/>.</summary>
    public const int LateKept = 256;

    private readonly LateBlock[] _lateBlocks = new LateBlock[LateKept];

    internal void Record(TimeSpan interval, bool collected = false, DateTime startedUtc = default, TimeSpan previousWork = default, Diagnostics.ThreadUsage usage = default, bool byStandby = false)
    {
        if (interval > LateAfter)
        {
            // Written by the clock thread only; a struct copy into a preallocated array allocates nothing.
            _lateBlocks[Interlocked.Read(ref _late) % LateKept] = new LateBlock(startedUtc, interval, previousWork, collected, usage, byStandby);
            Interlocked.Increment(ref _late);
            if (collected)
            {
                Interlocked.Increment(ref _lateWithCollection);
            }
        }

        var bin = (int)Math.Clamp(interval.TotalMilliseconds * 10, 0, BinCount - 1);
        Interlocked.Increment(ref _bins[bin]);
        Interlocked.Increment(ref _blocks);
        if (interval.Ticks > Interlocked.Read(ref _maxIntervalTicks))
        {
            Interlocked.Exchange(ref _maxIntervalTicks, interval.Ticks);
        }
    }

    /// <summary>A block that starts more than this after the one before is late (20 ms + 2 ms).</summary>
    internal static readonly TimeSpan LateAfter = TimeSpan.FromMilliseconds(22);
    private long _late;
    private long _lateWithCollection;

    internal void RecordFault() => Interlocked.Increment(ref _faults);

    internal void RecordSkipped(long blocks) => Interlocked.Add(ref _skipped, blocks);
}

/// <summary>
/// A block that started more than 2 ms late: when it started (UTC), the interval since the block before, how long
/// the block before took to run (its clients' work), whether a garbage collection ran in the interval, and (with
/// <see cref="AudioClock.WatchThreadUsage"/>) the page faults and context switches of the clock thread that ran it, in the
/// interval, and whether that was the standby thread (<see cref="AudioClock.Standby"/>).
/// </summary>
public readonly record struct LateBlock(DateTime StartedUtc, TimeSpan Interval, TimeSpan PreviousWork, bool Collected, Diagnostics.ThreadUsage Usage = default, bool ByStandby = false);
