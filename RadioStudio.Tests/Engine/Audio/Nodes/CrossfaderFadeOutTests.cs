using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Nodes;
using static RadioStudio.Tests.Engine.Audio.Nodes.NodeTestHelpers;

namespace RadioStudio.Tests.Engine.Audio.Nodes;

public sealed class CrossfaderFadeOutTests
{
    [Fact]
    public void FadeOut_Default_TwoSecondCosineToSilence()
    {
        var source = new ConstantSource(1f);
        var fader = new Crossfader(AudioFormat.Studio, source);

        fader.FadeOut();
        var output = ReadAll(fader, 96_960);

        Assert.Equal(1f, output[0]);
        Assert.Equal((float)Math.Cos(Math.PI / 2 * 48_000 / 96_000), output[48_000]);
        Assert.True(output[95_999] > 0f);
        Assert.All(output[96_000..], s => Assert.Equal(0f, s));
        var reads = source.Reads;
        ReadAll(fader, 960);
        Assert.Equal(reads, source.Reads);
    }

    [Fact]
    public void FadeOut_ThenCrossfadeTo_FadesInFromSilence()
    {
        var fader = new Crossfader(AudioFormat.Studio, new ConstantSource(1f));
        fader.FadeOut(TimeSpan.Zero);
        Assert.Equal(0f, ReadAll(fader, 1)[0]);

        fader.CrossfadeTo(new ConstantSource(1f), TimeSpan.FromMilliseconds(20));
        var output = ReadAll(fader, 1920);

        Assert.Equal(0f, output[0]);
        Assert.Equal((float)Math.Sin(Math.PI / 2 * 480 / 960), output[480]);
        Assert.All(output[960..], s => Assert.Equal(1f, s));
    }
}
