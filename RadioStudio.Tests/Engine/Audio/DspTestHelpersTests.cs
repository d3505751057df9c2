using static RadioStudio.Tests.Engine.Audio.DspTestHelpers;

namespace RadioStudio.Tests.Engine.Audio;

/// <summary>The measuring tools must themselves be trustworthy before they judge the resampler.</summary>
public sealed class DspTestHelpersTests
{
    [Fact]
    public void SpuriousDb_PureToneOffBin_FarBelowMinus90()
    {
        var tone = Sine(8192, 1234.5, 48000);

        Assert.True(SpuriousDb(tone, 1234.5, 48000) < -90);
    }

    [Fact]
    public void SpuriousDb_ToneWithMinus50DbPartner_ReportsAboutMinus50()
    {
        var tone = Sine(8192, 1000, 48000);
        var partner = Sine(8192, 7000, 48000, amplitude: 0.5 * Math.Pow(10, -50 / 20.0));
        var mixed = tone.Zip(partner, (a, b) => a + b).ToArray();

        Assert.InRange(SpuriousDb(mixed, 1000, 48000), -50.5, -49.5);
    }

    [Fact]
    public void GoertzelAmplitude_WholeCycles_ExactAmplitude()
    {
        var tone = Sine(8000, 1000, 8000, amplitude: 0.3, phase: 0.7);

        Assert.Equal(0.3, GoertzelAmplitude(tone, 1000, 8000), 6);
    }

    [Fact]
    public void PowerAboveDb_TwoTones_MeasuresUpperShare()
    {
        var low = Sine(16384, 1000, 48000);
        var high = Sine(16384, 5000, 48000, amplitude: 0.05);
        var mixed = low.Zip(high, (a, b) => a + b).ToArray();

        Assert.InRange(PowerAboveDb(mixed, 3600, 48000), -20.1, -19.9);
    }
}
