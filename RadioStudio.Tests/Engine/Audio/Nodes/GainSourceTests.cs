using RadioStudio.Engine.Audio.Nodes;
using static RadioStudio.Tests.Engine.Audio.Nodes.NodeTestHelpers;

namespace RadioStudio.Tests.Engine.Audio.Nodes;

public sealed class GainSourceTests
{
    [Fact]
    public void Read_ConstantGain_ScalesEverySample()
    {
        var gain = new GainSource(new RampSource(), 0.5f);

        Assert.Equal([0f, 0.5f, 1f, 1.5f], ReadAll(gain, 4, block: 4));
    }

    [Fact]
    public void Read_GainChanged_RampsLinearlyAcrossNextBlockOnly()
    {
        var gain = new GainSource(new ConstantSource(1f));
        Assert.Equal([1f, 1f, 1f, 1f], ReadAll(gain, 4, block: 4));

        gain.Gain = 0.5f;

        // Frame k of the block gets start + (target − start)·(k+1)/N: the last frame lands on the target.
        Assert.Equal([0.875f, 0.75f, 0.625f, 0.5f], ReadAll(gain, 4, block: 4));
        Assert.Equal([0.5f, 0.5f, 0.5f, 0.5f], ReadAll(gain, 4, block: 4));
    }

    [Fact]
    public void Read_RampOverRamp_ExactProducts()
    {
        var gain = new GainSource(new RampSource(1f, 1f), 0f);

        gain.Gain = 1f;

        Assert.Equal([1f * 0.25f, 2f * 0.5f, 3f * 0.75f, 4f * 1f], ReadAll(gain, 4, block: 4));
    }

    [Fact]
    public void Read_Muted_RampsToSilenceThenUnmutesToGain()
    {
        var gain = new GainSource(new ConstantSource(1f), 2f);

        gain.Muted = true;
        var muting = ReadAll(gain, 4, block: 4);
        var muted = ReadAll(gain, 4, block: 4);
        gain.Muted = false;
        var unmuting = ReadAll(gain, 4, block: 4);

        Assert.Equal([1.5f, 1f, 0.5f, 0f], muting);
        Assert.Equal([0f, 0f, 0f, 0f], muted);
        Assert.Equal([0.5f, 1f, 1.5f, 2f], unmuting);
        Assert.Equal(2f, gain.Gain);
    }

    [Fact]
    public void Read_BigBlock_NoStepLargerThanOneRampIncrement()
    {
        var gain = new GainSource(new ConstantSource(1f));
        gain.Gain = 0f;

        var output = ReadAll(gain, 960);

        for (var i = 1; i < output.Length; i++)
        {
            Assert.Equal(1.0 / 960, output[i - 1] - output[i], 1e-6);
        }

        Assert.Equal(0f, output[^1]);
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Gain_Invalid_Throws(float value)
    {
        var gain = new GainSource(new ConstantSource(1f));

        Assert.Throws<ArgumentOutOfRangeException>(() => gain.Gain = value);
    }

    [Fact]
    public void Read_WhileRamping_DoesNotAllocate()
    {
        var gain = new GainSource(new RampSource(), 0.7f);
        var buffer = new float[960];
        gain.Read(buffer);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            gain.Gain = i % 2 == 0 ? 0.2f : 0.9f;
            gain.Read(buffer);
        }

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 16 * 1024);
    }
}
