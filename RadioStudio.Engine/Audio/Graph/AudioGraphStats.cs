using System.Diagnostics;

namespace RadioStudio.Engine.Audio.Graph;

/// <summary>How long the graph's work takes per block (audio thread writes, anyone reads).</summary>
public sealed class AudioGraphStats
{
    private long _blocks;
    private long _totalTicks;
    private long _maxTicks;
    private long _outputFaults;

    /// <summary>Blocks processed.</summary>
    public long Blocks => Interlocked.Read(ref _blocks);

    /// <summary>Mean processing time per block.</summary>
    public TimeSpan Mean => Blocks == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)Interlocked.Read(ref _totalTicks) / Blocks / Stopwatch.Frequency);

    /// <summary>Longest processing time of one block.</summary>
    public TimeSpan Max => TimeSpan.FromSeconds((double)Interlocked.Read(ref _maxTicks) / Stopwatch.Frequency);

    /// <summary>Outputs that threw (they must not; counted so a broken one is visible).</summary>
    public long OutputFaults => Interlocked.Read(ref _outputFaults);

    internal void Record(long ticks)
    {
        Interlocked.Increment(ref _blocks);
        Interlocked.Add(ref _totalTicks, ticks);
        if (ticks > Interlocked.Read(ref _maxTicks))
        {
            Interlocked.Exchange(ref _maxTicks, ticks);
        }
    }

    /// <summary>Blocks whose work took longer than this are kept, phase by phase, in <see cref="SlowBlocks"/>.</summary>
    public static readonly TimeSpan SlowAfter = TimeSpan.FromMilliseconds(5);

    private const int SlowKept = 64;
    private readonly SlowBlock[] _slow = new SlowBlock[SlowKept];
    private long _slowCount;

    /// <summary>The last slow blocks (work over <see cref="SlowAfter"/>), oldest first.</summary>
    public IReadOnlyList<SlowBlock> SlowBlocks()
    {
        var count = Interlocked.Read(ref _slowCount);
        var kept = (int)Math.Min(count, SlowKept);
        return [.. Enumerable.Range(0, kept).Select(i => _slow[(count - kept + i) % SlowKept])];
    }

    /// <summary>Records a block's phases from its Stopwatch marks (start, voices, music, program, returns, outputs).</summary>
    internal void RecordPhases(ReadOnlySpan<long> marks)
    {
        if (marks[^1] - marks[0] < SlowAfter.TotalSeconds * Stopwatch.Frequency)
        {
            return;
        }

        static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        _slow[Interlocked.Read(ref _slowCount) % SlowKept] = new SlowBlock(
            marks[0], Ms(marks[1] - marks[0]), Ms(marks[2] - marks[1]), Ms(marks[3] - marks[2]), Ms(marks[4] - marks[3]), Ms(marks[5] - marks[4]));
        Interlocked.Increment(ref _slowCount);
    }

    internal void OutputFault() => Interlocked.Increment(ref _outputFaults);
}

/// <summary>
/// A block whose work was slow, by phase (ms): reading the voices (host, AI, callers' jitter buffers), music/effects/ads,
/// summing the program, the callers' returns and hold feeds, and the outputs (device, stems, listeners).
/// </summary>
public readonly record struct SlowBlock(long StartTimestamp, double VoicesMs, double MusicMs, double ProgramMs, double ReturnsMs, double OutputsMs);
