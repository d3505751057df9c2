using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Routing;

namespace RadioStudio.Tests.Engine.Audio.Devices;

/// <summary>An audio clock client that writes the same block to an output on every tick, up to a limit.</summary>
internal sealed class BlockDriver(MixBlock block, IMixOutput output, long limit = long.MaxValue) : IAudioClockClient
{
    private long _written;

    public long Written => Interlocked.Read(ref _written);

    public void OnBlock(long blockIndex)
    {
        if (Written >= limit)
        {
            return;
        }

        block.Index = blockIndex;
        output.Write(block);
        Interlocked.Increment(ref _written);
    }

    /// <summary>A standard block whose bus i carries a sine of <paramref name="frequencies"/>[i] (multiples of 50 Hz: whole cycles per block).</summary>
    public static MixBlock Tones(int phoneSlots, double[] frequencies, double amplitude)
    {
        var block = MixBlock.Standard(phoneSlots);
        for (var i = 0; i < block.Buses.Length; i++)
        {
            DspTestHelpers.Sine(MixBlock.Samples, frequencies[i], AudioClock.SampleRate, amplitude).CopyTo(block.Write(i));
            block.SetActive(i, true);
        }

        return block;
    }
}
