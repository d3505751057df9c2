using RadioStudio.Engine.Audio;
using Xunit.Abstractions;
using static RadioStudio.Tests.Engine.Audio.DspTestHelpers;

namespace RadioStudio.Tests.Engine.Audio;

public sealed class HoldMusicTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(8000, 20.0, 160000)]
    [InlineData(48000, 9.6, 460800)]
    [InlineData(44100, 1.5, 66150)]
    public void Generate_Length_IsExactSampleCount(int sampleRate, double seconds, int expected) =>
        Assert.Equal(expected, HoldMusic.Generate(sampleRate, TimeSpan.FromSeconds(seconds)).Length);

    [Theory]
    [InlineData(8000)]
    [InlineData(48000)]
    public void Generate_Levels_PeakAboutMinus12DbfsNothingAboveMinus6(int sampleRate)
    {
        var music = HoldMusic.Generate(sampleRate, TimeSpan.FromSeconds(20));

        var peakDb = Db(Peak(music));
        output.WriteLine($"{sampleRate} Hz: peak {peakDb:F2} dBFS, RMS {Db(Rms(music)):F1} dBFS");
        Assert.InRange(peakDb, -12.5, -11.5);
        Assert.All(music, s => Assert.True(Math.Abs(s) <= Math.Pow(10, -6 / 20.0)));
        Assert.True(Db(Rms(music)) > -30, "the bed must be audible, not near-silent");
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(48000)]
    public void Generate_Spectrum_EnergyAbove3600HzAtLeast40DbDown(int sampleRate)
    {
        var music = HoldMusic.Generate(sampleRate, TimeSpan.FromSeconds(20));

        var worst = double.NegativeInfinity;
        for (var start = 0; start + 16384 <= music.Length; start += 16384)
        {
            worst = Math.Max(worst, PowerAboveDb(music.AsSpan(start, 16384), 3600, sampleRate));
        }

        output.WriteLine($"{sampleRate} Hz: worst share above 3.6 kHz {worst:F1} dB");
        Assert.True(worst <= -40, $"{worst:F1} dB above 3.6 kHz");
    }

    [Theory]
    [InlineData(8000, 20.0)]
    [InlineData(48000, 7.3)]
    public void Generate_LoopSeam_NoLargerStepThanAnywhereInside(int sampleRate, double seconds)
    {
        var music = HoldMusic.Generate(sampleRate, TimeSpan.FromSeconds(seconds));

        var largestStep = music.Zip(music.Skip(1), (a, b) => Math.Abs(b - a)).Max();
        var seam = Math.Abs(music[0] - music[^1]);
        output.WriteLine($"{sampleRate} Hz: seam step {seam:F4}, largest inner step {largestStep:F4}");
        Assert.True(seam <= largestStep, $"seam {seam} > largest step {largestStep}");
    }

    [Fact]
    public void Render_TwoLoops_SecondRepeatsFirstExactly()
    {
        var loop = (int)Math.Round(9.7 * 8000);

        var twice = HoldMusic.Render(8000, loop, 2 * loop);

        Assert.Equal(HoldMusic.Generate(8000, TimeSpan.FromSeconds(9.7)), twice[..loop]);
        Assert.Equal(twice[..loop], twice[loop..]);
    }

    [Fact]
    public void Generate_SameArguments_SameSamples() =>
        Assert.Equal(HoldMusic.Generate(16000, TimeSpan.FromSeconds(5)), HoldMusic.Generate(16000, TimeSpan.FromSeconds(5)));

    [Theory]
    [InlineData(4000, 10.0)]
    [InlineData(8000, 0.5)]
    [InlineData(8000, 700.0)]
    public void Generate_OutOfRange_Throws(int sampleRate, double seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HoldMusic.Generate(sampleRate, TimeSpan.FromSeconds(seconds)));
}
