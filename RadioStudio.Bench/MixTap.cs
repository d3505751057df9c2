using System.Diagnostics;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Speech.Vad;


namespace RadioStudio.Bench;

/// <summary>
/// An output of the graph (clock thread, after the mix): per block its index, the Stopwatch time it was
/// handed to the outputs, and the RMS of the host and AI buses. Preallocated; nothing allocates per block.
/// </summary>
internal sealed class MixTap(int hostBus, int aiBus) : IMixOutput
{
    private readonly long[] _index = new long[1 << 16];
    private readonly long[] _at = new long[1 << 16];
    private readonly float[] _host = new float[1 << 16];
    private readonly float[] _ai = new float[1 << 16];
    private int _count;

    public string Name => "ai bench tap";

    public void Write(MixBlock block)
    {
        var n = _count;
        if (n >= _at.Length)
        {
            return;
        }

        _index[n] = block.Index;
        _at[n] = Stopwatch.GetTimestamp();
        _host[n] = Rms(block[hostBus]);
        _ai[n] = Rms(block[aiBus]);
        Volatile.Write(ref _count, n + 1);
    }

    public Block[] Snapshot()
    {
        var n = Volatile.Read(ref _count);
        var blocks = new Block[n];
        for (var i = 0; i < n; i++)
        {
            blocks[i] = new Block(_index[i], _at[i], _host[i], _ai[i]);
        }

        return blocks;
    }

    private static float Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (var v in x)
        {
            sum += v * v;
        }

        return (float)Math.Sqrt(sum / x.Length);
    }

    internal readonly record struct Block(long Index, long At, float HostRms, float AiRms);
}
