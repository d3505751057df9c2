using RadioStudio.Engine.Audio.Phone;

namespace RadioStudio.Tests.Engine.Audio.Phone;

/// <summary>
/// Drives a <see cref="JitterBuffer"/> tick by tick: each tick is one Read (the audio clock) followed by
/// the pushes that arrive during that tick. Every frame carries a unique exact pattern, so a read block
/// is identified sample-exactly as frame k, or -1 for exact silence; anything else fails the test.
/// </summary>
internal sealed class JitterScenario(JitterBuffer buffer)
{
    public const int FrameSize = 160;

    private readonly float[] _block = new float[FrameSize];
    private readonly List<long> _played = [];

    public JitterBuffer Buffer { get; } = buffer;

    /// <summary>What each read played so far: a sequence number, or -1 for silence.</summary>
    public IReadOnlyList<long> Played => _played;

    public static float[] Frame(long sequence) =>
        Enumerable.Range(0, FrameSize).Select(i => (float)(((sequence + 1) * 1000) + i)).ToArray();

    public void Push(params long[] sequences)
    {
        foreach (var s in sequences)
        {
            Buffer.Push(s, Frame(s));
        }
    }

    /// <summary>One tick: read a block, then push <paramref name="arrivals"/>.</summary>
    public long Tick(params long[] arrivals)
    {
        Buffer.Read(_block);
        var played = Identify(_block);
        _played.Add(played);
        Push(arrivals);
        return played;
    }

    /// <summary>A steady producer: ticks pushing <paramref name="first"/>, first+1, … one per tick.</summary>
    public void Steady(long first, int ticks)
    {
        for (var i = 0; i < ticks; i++)
        {
            Tick(first + i);
        }
    }

    /// <summary><paramref name="ticks"/> ticks with nothing arriving.</summary>
    public void Stall(int ticks)
    {
        for (var i = 0; i < ticks; i++)
        {
            Tick();
        }
    }

    public static long[] Run(long first, int count) => [.. Enumerable.Range(0, count).Select(i => first + i)];

    public static long[] Silence(int count) => [.. Enumerable.Repeat(-1L, count)];

    private static long Identify(float[] block)
    {
        if (block.All(v => v == 0f))
        {
            return -1;
        }

        var sequence = ((long)block[0] / 1000) - 1;
        Assert.Equal(Frame(sequence), block);
        return sequence;
    }
}
