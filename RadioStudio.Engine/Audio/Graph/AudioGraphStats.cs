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

    internal void OutputFault() => Interlocked.Increment(ref _outputFaults);
}
