using RadioStudio.Engine.Audio.Nodes;
using Xunit.Abstractions;
using static RadioStudio.Tests.Engine.Audio.DspTestHelpers;

namespace RadioStudio.Tests.Engine.Audio.Nodes;

/// <summary>The frequency-domain requirements: alias and image products at or below −60 dB.</summary>
public sealed class PolyphaseResamplerSpectrumTests(ITestOutputHelper output)
{
    private const int AnalysisLength = 8192;

    public static TheoryData<int, int> Pairs => new()
    {
        { 8000, 48000 }, { 48000, 8000 }, { 44100, 48000 }, { 48000, 16000 }, { 22050, 48000 }, { 24000, 48000 },
    };

    public static TheoryData<int, int> DownsamplingPairs => new()
    {
        { 48000, 8000 }, { 48000, 16000 }, { 44100, 8000 }, { 48000, 24000 }, { 48000, 44100 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void ResampleAll_PassbandTones_SpuriousProductsBelowMinus60Db(int inputRate, int outputRate)
    {
        var lower = Math.Min(inputRate, outputRate);
        var worst = double.NegativeInfinity;
        foreach (var fraction in new[] { 0.003, 0.05, 0.125, 0.2, 0.27, 0.33, 0.38, 0.41 })
        {
            var frequency = fraction * lower;
            var spurious = SpuriousDb(ResampledMiddle(Sine(InputLengthFor(inputRate, outputRate), frequency, inputRate), inputRate, outputRate), frequency, outputRate);
            output.WriteLine($"{inputRate}→{outputRate} {frequency,8:F0} Hz: spurious {spurious:F1} dB");
            worst = Math.Max(worst, spurious);
        }

        Assert.True(worst <= -60, $"worst spurious {worst:F1} dB");
    }

    [Theory]
    [MemberData(nameof(DownsamplingPairs))]
    public void ResampleAll_TonesAboveOutputNyquist_AttenuatedAtLeast60Db(int inputRate, int outputRate)
    {
        var nyquist = outputRate / 2.0;
        var worst = double.NegativeInfinity;
        foreach (var factor in new[] { 1.03, 1.1, 1.3, 1.6, 2.1, 3.3, 5.4 })
        {
            var frequency = factor * nyquist;
            if (frequency >= inputRate / 2.0)
            {
                continue;
            }

            var input = Sine(InputLengthFor(inputRate, outputRate), frequency, inputRate);
            var attenuation = Db(Rms(ResampledMiddle(input, inputRate, outputRate)) / Rms(input));
            output.WriteLine($"{inputRate}→{outputRate} {frequency,8:F0} Hz: {attenuation:F1} dB");
            worst = Math.Max(worst, attenuation);
        }

        Assert.True(worst <= -60, $"worst leak {worst:F1} dB");
    }

    [Theory]
    [InlineData(ResamplerQuality.Fast, 57)]
    [InlineData(ResamplerQuality.Standard, 77)]
    [InlineData(ResamplerQuality.High, 97)]
    public void ResampleAll_48kTo8kEachQuality_StopbandWithin3DbOfDocumented(ResamplerQuality quality, double minimumDb)
    {
        var worst = double.NegativeInfinity;
        foreach (var frequency in new[] { 4050.0, 4300, 5000, 7000, 11000, 17000, 23000 })
        {
            var input = Sine(48000, frequency, 48000);
            var resampled = PolyphaseResampler.ResampleAll(input, 48000, 8000, quality);
            worst = Math.Max(worst, Db(Rms(resampled.AsSpan(1000, 6000)) / Rms(input)));
        }

        output.WriteLine($"{quality}: worst stopband leak {worst:F1} dB");
        Assert.True(worst <= -minimumDb, $"worst leak {worst:F1} dB");
    }

    [Fact]
    public void ResampleAll_RoundTrip8kTo48kTo8k_OneKilohertzWithinPointOneDbAndAligned()
    {
        var input = Sine(8000, 1000, 8000, amplitude: 0.5, phase: 0.3);

        var back = PolyphaseResampler.ResampleAll(PolyphaseResampler.ResampleAll(input, 8000, 48000), 48000, 8000);

        Assert.Equal(input.Length, back.Length);
        var middle = back.AsSpan(2000, 4000);
        var gainDb = Db(GoertzelAmplitude(middle, 1000, 8000) / 0.5);
        output.WriteLine($"round-trip gain {gainDb:F4} dB");
        Assert.InRange(gainDb, -0.1, 0.1);
        for (var i = 2000; i < 6000; i++)
        {
            Assert.True(Math.Abs(back[i] - input[i]) < 1e-3, $"sample {i}: {back[i]} vs {input[i]}");
        }
    }

    [Theory]
    [InlineData(8000, 48000, 440.0)]
    [InlineData(48000, 8000, 440.0)]
    [InlineData(44100, 48000, 3000.0)]
    public void ResampleAll_Tone_LinesUpWithToneSampledAtOutputRate(int inputRate, int outputRate, double frequency)
    {
        var input = Sine(inputRate / 2, frequency, inputRate);

        var resampled = PolyphaseResampler.ResampleAll(input, inputRate, outputRate);

        Assert.Equal((int)Math.Ceiling(input.Length * (double)outputRate / inputRate), resampled.Length);
        var expected = Sine(resampled.Length, frequency, outputRate);
        var margin = resampled.Length / 5;
        for (var i = margin; i < resampled.Length - margin; i++)
        {
            Assert.True(Math.Abs(resampled[i] - expected[i]) < 1e-3, $"sample {i}: {resampled[i]} vs {expected[i]}");
        }
    }

    private static int InputLengthFor(int inputRate, int outputRate) =>
        (int)((AnalysisLength + (2L * Margin(inputRate, outputRate))) * inputRate / outputRate) + 1;

    private static int Margin(int inputRate, int outputRate) =>
        (new PolyphaseResampler(inputRate, outputRate).TapsPerOutput * outputRate / inputRate) + 64;

    private static float[] ResampledMiddle(float[] input, int inputRate, int outputRate) =>
        PolyphaseResampler.ResampleAll(input, inputRate, outputRate).AsSpan(Margin(inputRate, outputRate), AnalysisLength).ToArray();
}
