using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Nodes;
using static RadioStudio.Tests.Engine.Audio.Nodes.NodeTestHelpers;

namespace RadioStudio.Tests.Engine.Audio.Nodes;

public sealed class CrossfaderTests
{
    [Fact]
    public void Read_NoFade_PlaysInitialExactly()
    {
        var fader = new Crossfader(AudioFormat.Studio, new RampSource());

        Assert.Equal(ReadAll(new RampSource(), 2000), ReadAll(fader, 2000));
    }

    [Fact]
    public void Read_NothingPlaying_Silence()
    {
        var fader = new Crossfader(AudioFormat.Studio);

        Assert.All(ReadAll(fader, 960), s => Assert.Equal(0f, s));
    }

    [Fact]
    public void CrossfadeTo_ConstantInputs_ExactCosineSineSamples()
    {
        var fader = new Crossfader(AudioFormat.Studio, new ConstantSource(1f));
        fader.CrossfadeTo(new ConstantSource(0.5f), TimeSpan.FromMilliseconds(10));

        var output = ReadAll(fader, 960, block: 100);

        for (var k = 0; k < 480; k++)
        {
            var angle = Math.PI / 2 * k / 480;
            Assert.Equal((float)((1f * Math.Cos(angle)) + (0.5f * Math.Sin(angle))), output[k]);
        }

        Assert.All(output[480..], s => Assert.Equal(0.5f, s));
    }

    [Fact]
    public void CrossfadeTo_DefaultThreeSeconds_EqualPowerAndMidpointAtQuarterPi()
    {
        var outgoing = Gains(fromValue: 1f, toValue: 0f);
        var incoming = Gains(fromValue: 0f, toValue: 1f);

        Assert.Equal(1f, outgoing[0]);
        Assert.Equal(0f, incoming[0]);
        Assert.Equal(Math.Sqrt(0.5), outgoing[72_000], 1e-6);
        Assert.Equal(Math.Sqrt(0.5), incoming[72_000], 1e-6);
        for (var k = 0; k < outgoing.Length; k++)
        {
            Assert.Equal(1.0, ((double)outgoing[k] * outgoing[k]) + ((double)incoming[k] * incoming[k]), 1e-6);
        }

        // Exactly 3 s × 48 kHz: the last fade frame still has some of A, the next has none.
        Assert.True(outgoing[143_999] > 0f);
        Assert.Equal(0f, outgoing[144_000]);
        Assert.Equal(1f, incoming[144_000]);
    }

    [Fact]
    public void CrossfadeTo_Completed_OutgoingNoLongerRead()
    {
        var outgoing = new ConstantSource(1f);
        var fader = new Crossfader(AudioFormat.Studio, outgoing);
        fader.CrossfadeTo(new RampSource(), TimeSpan.FromMilliseconds(20));

        ReadAll(fader, 960);
        Assert.False(fader.IsFading);
        var readsAtEnd = outgoing.Reads;
        var after = ReadAll(fader, 960);

        Assert.Equal(readsAtEnd, outgoing.Reads);
        Assert.Equal(960f, after[0]);
        Assert.Equal(1919f, after[^1]);
    }

    [Fact]
    public void CrossfadeTo_RequestedBetweenBlocks_StartsAtNextBlock()
    {
        var fader = new Crossfader(AudioFormat.Studio, new ConstantSource(1f));
        ReadAll(fader, 960);

        fader.CrossfadeTo(new ConstantSource(0f), TimeSpan.FromMilliseconds(20));
        Assert.True(fader.IsFading);
        var block = ReadAll(fader, 960);

        Assert.Equal(1f, block[0]);
        Assert.Equal((float)Math.Cos(Math.PI / 2 * 480 / 960), block[480]);
        Assert.Equal(0f, ReadAll(fader, 1)[0]);
    }

    [Fact]
    public void CrossfadeTo_DuringFade_FadesFromIncomingSource()
    {
        var first = new ConstantSource(1f);
        var fader = new Crossfader(AudioFormat.Studio, first);
        fader.CrossfadeTo(new ConstantSource(0.5f), TimeSpan.FromMilliseconds(20));
        ReadAll(fader, 480);

        fader.CrossfadeTo(new ConstantSource(0.25f), TimeSpan.FromMilliseconds(10));
        var reads = first.Reads;
        var output = ReadAll(fader, 960);

        Assert.Equal(reads, first.Reads);
        Assert.Equal(0.5f, output[0]);
        Assert.Equal((float)((0.5f * Math.Cos(Math.PI / 4)) + (0.25f * Math.Sin(Math.PI / 4))), output[240], 1e-6f);
        Assert.All(output[480..], s => Assert.Equal(0.25f, s));
    }

    [Fact]
    public void CrossfadeTo_FiniteIncomingEnds_SilenceAfterwards()
    {
        var fader = new Crossfader(AudioFormat.Studio);
        fader.CrossfadeTo(new BufferSource([1f, 1f, 1f, 1f]), TimeSpan.Zero);

        Assert.Equal([1f, 1f, 1f, 1f, 0f, 0f], ReadAll(fader, 6, block: 6));
    }

    [Fact]
    public void CrossfadeTo_OtherFormat_Throws()
    {
        var fader = new Crossfader(AudioFormat.Studio);

        Assert.Throws<ArgumentException>(() => fader.CrossfadeTo(new ConstantSource(1f, new AudioFormat(48000, 2))));
    }

    [Fact]
    public void Read_WhileFading_DoesNotAllocate()
    {
        var fader = new Crossfader(AudioFormat.Studio, new RampSource());
        fader.CrossfadeTo(new ConstantSource(0.3f), TimeSpan.FromSeconds(30));

        Assert.InRange(AllocatedOver1000Reads(fader), 0, 16 * 1024);
        Assert.True(fader.IsFading);
    }

    private static float[] Gains(float fromValue, float toValue)
    {
        var fader = new Crossfader(AudioFormat.Studio, new ConstantSource(fromValue));
        fader.CrossfadeTo(new ConstantSource(toValue));
        return ReadAll(fader, 144_960);
    }
}
