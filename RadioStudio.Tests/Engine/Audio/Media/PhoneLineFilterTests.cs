using RadioStudio.Engine.Audio.Media;
using RadioStudio.Tests.Engine.Audio.Nodes;
using static RadioStudio.Tests.Engine.Audio.DspTestHelpers;
using static RadioStudio.Tests.Engine.Audio.Nodes.NodeTestHelpers;

namespace RadioStudio.Tests.Engine.Audio.Media;

public sealed class PhoneLineFilterTests
{
    private const int Rate = 48_000;

    // −40 dBFS: far below where tanh bends, so the level measures the filters alone.
    private const double Quiet = 0.01;

    [Fact]
    public void Normal_PassbandAt1kHz_WithinOneAndAHalfDb()
    {
        var gainDb = Db(ToneGain(PhoneLinePreset.Normal, 1000));

        Assert.InRange(gainDb, -1.5, 1.5);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(6000)]
    public void Normal_OutsideBand_AtLeast20DbBelowPassband(int frequency)
    {
        var passband = ToneGain(PhoneLinePreset.Normal, 1000);

        var stopband = ToneGain(PhoneLinePreset.Normal, frequency);

        Assert.True(Db(stopband / passband) <= -20, $"{frequency} Hz is only {Db(stopband / passband):0.0} dB down");
    }

    [Fact]
    public void Good_Passes6kHzThatNormalCuts()
    {
        Assert.InRange(Db(ToneGain(PhoneLinePreset.Good, 6000)), -3, 1);
        Assert.InRange(Db(ToneGain(PhoneLinePreset.Good, 200)), -3, 1);
    }

    [Theory]
    [InlineData(PhoneLinePreset.Good, 1000)]
    [InlineData(PhoneLinePreset.Normal, 1000)]
    [InlineData(PhoneLinePreset.Bad, 1000)]
    [InlineData(PhoneLinePreset.Terrible, 1000)]
    [InlineData(PhoneLinePreset.Terrible, 2800)]
    public void Presets_NarrowerLinesCutMore(PhoneLinePreset preset, int frequency)
    {
        var gain = Db(ToneGain(preset, frequency));

        if (frequency == 1000)
        {
            Assert.InRange(gain, -1.5, 1.5);
        }
        else
        {
            Assert.True(gain < -6, $"{preset} passes {frequency} Hz at {gain:0.0} dB");
        }
    }

    [Theory]
    [InlineData(PhoneLinePreset.Good)]
    [InlineData(PhoneLinePreset.Normal)]
    public void ImpulseResponse_FiniteAndDecays(PhoneLinePreset preset)
    {
        var filter = new PhoneLineFilter(new ImpulseSource(0, 0.01f), preset);

        var response = ReadAll(filter, Rate);

        Assert.All(response, s => Assert.True(float.IsFinite(s)));
        var energy = response.Sum(s => (double)s * s);
        Assert.True(energy > 1e-8 && energy < 1e-3, $"energy {energy}");
        Assert.True(Peak(response.AsSpan(Rate / 2)) < 1e-9, "the tail has died away after 0.5 s");
    }

    [Fact]
    public void Terrible_FullScaleNoise_StaysBoundedAndFinite()
    {
        var random = new Random(3);
        var input = Enumerable.Range(0, 10 * Rate).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var filter = new PhoneLineFilter(new BufferSource(input), PhoneLinePreset.Terrible);

        var output = ReadAll(filter, input.Length);

        Assert.All(output, s => Assert.True(float.IsFinite(s) && Math.Abs(s) <= 1f / 6 + 1e-6));
    }

    [Fact]
    public void Noise_SameSeed_SameSamples_OtherSeedDiffers()
    {
        var first = ReadAll(new PhoneLineFilter(new ConstantSource(0f), PhoneLinePreset.Terrible, seed: 7), Rate);
        var again = ReadAll(new PhoneLineFilter(new ConstantSource(0f), PhoneLinePreset.Terrible, seed: 7), Rate);
        var other = ReadAll(new PhoneLineFilter(new ConstantSource(0f), PhoneLinePreset.Terrible, seed: 8), Rate);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Noise_LevelsPerPreset_SilentCleanAudibleHiss()
    {
        double NoiseDb(PhoneLinePreset preset) => Db(Rms(ReadAll(new PhoneLineFilter(new ConstantSource(0f), preset), 2 * Rate).AsSpan(Rate)) + 1e-30);

        Assert.True(NoiseDb(PhoneLinePreset.Normal) < -200);
        Assert.InRange(NoiseDb(PhoneLinePreset.Bad), -75, -55);
        Assert.InRange(NoiseDb(PhoneLinePreset.Terrible), -50, -35);
    }

    [Fact]
    public void Terrible_Dropouts_SilenceStretchesOf40To150Ms()
    {
        var filter = new PhoneLineFilter(new BufferSource(Sine(20 * Rate, 1000, Rate, 0.3)), PhoneLinePreset.Terrible, seed: 11);

        var output = ReadAll(filter, 20 * Rate);

        var runs = new List<int>();
        var run = 0;
        foreach (var s in output)
        {
            if (s == 0f)
            {
                run++;
            }
            else
            {
                if (run > 100)
                {
                    runs.Add(run);
                }

                run = 0;
            }
        }

        Assert.InRange(runs.Count, 3, 25); // about one every 2 s
        Assert.All(runs, r => Assert.InRange(r, (40 * 48) - 100, 150 * 48));
    }

    [Fact]
    public void Preset_SwitchedMidSignal_NoStepLargerThanTheSignalMakes()
    {
        var filter = new PhoneLineFilter(new BufferSource(Sine(Rate, 1000, Rate, 0.1)), PhoneLinePreset.Normal);
        var before = ReadAll(filter, 9600);
        var steadyStep = MaxStep(before.AsSpan(4800));

        filter.Preset = PhoneLinePreset.Good;
        var after = ReadAll(filter, 4800);

        Assert.True(MaxStep([before[^1], .. after]) < 1.5 * steadyStep, $"step {MaxStep(after)} vs steady {steadyStep}");
    }

    [Fact]
    public void Enabled_Off_ExactPassThroughAfterOneCrossfadeBlock()
    {
        var input = Sine(4 * 960, 1000, Rate, 0.2);
        var filter = new PhoneLineFilter(new BufferSource(input));
        ReadAll(filter, 960);

        filter.Enabled = false;
        var crossfade = ReadAll(filter, 960);
        var bypassed = ReadAll(filter, 1920);

        Assert.Equal(input[960 + 959], crossfade[^1]);
        Assert.Equal(input[1920..], bypassed);
    }

    [Fact]
    public void Enabled_BackOn_LastSampleOfBlockFullyWet()
    {
        var filter = new PhoneLineFilter(new ConstantSource(0.5f)) { Enabled = false };
        Assert.All(ReadAll(filter, 960), s => Assert.Equal(0.5f, s));

        filter.Enabled = true;
        var back = ReadAll(filter, 960);

        Assert.Equal(0.5f, back[0], 0.001f);
        Assert.True(Math.Abs(back[^1]) < 0.5f, "the DC is being filtered out");
    }

    [Fact]
    public void Read_AfterWarmUp_AllocatesNothing()
    {
        var filter = new PhoneLineFilter(new ConstantSource(0.1f), PhoneLinePreset.Terrible);

        Assert.Equal(0, AllocatedOver1000Reads(filter));
    }

    [Fact]
    public void Constructor_Stereo_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PhoneLineFilter(new ConstantSource(0f, new(48_000, 2))));
    }

    // Output/input amplitude of a quiet tone, measured over 0.5 s after 0.25 s of settling (whole cycles).
    private static double ToneGain(PhoneLinePreset preset, int frequency)
    {
        var filter = new PhoneLineFilter(new BufferSource(Sine(Rate, frequency, Rate, Quiet)), preset);
        var output = ReadAll(filter, Rate);
        return GoertzelAmplitude(output.AsSpan(Rate / 4, Rate / 2), frequency, Rate) / Quiet;
    }

    private static double MaxStep(ReadOnlySpan<float> x)
    {
        var max = 0.0;
        for (var i = 1; i < x.Length; i++)
        {
            max = Math.Max(max, Math.Abs(x[i] - x[i - 1]));
        }

        return max;
    }
}
