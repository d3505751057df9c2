using RadioStudio.Engine.Audio.Nodes;

namespace RadioStudio.Tests.Engine.Audio.Nodes;

public sealed class TruePeakLimiterTests
{
    private const int Rate = 48_000;
    private const int Block = 960;
    private static readonly float Ceiling = MathF.Pow(10, -1f / 20);

    [Theory]
    [InlineData(997.0, 0.85)]
    [InlineData(12_000.0, 0.6)]
    public void Process_BelowTheCeiling_PassesEverySampleBitForBit(double frequency, double amplitude)
    {
        // 12 kHz sampled at 45° has inter-sample peaks 3 dB over its samples; 0.6 × √2 stays under −1 dBTP.
        var input = DspTestHelpers.Sine(Block * 20, frequency, Rate, amplitude, Math.PI / 4);
        var output = Run(new TruePeakLimiter(), input);

        Assert.Equal(input, output);
    }

    [Theory]
    [InlineData(997.0, 1.0)]
    [InlineData(997.0, 4.0)]
    [InlineData(12_000.0, 1.0)]
    [InlineData(11_025.0, 2.0)]
    [InlineData(19_000.0, 1.0)]
    public void Process_OverTheCeiling_TruePeakNeverAboveMinusOneDb(double frequency, double amplitude)
    {
        var input = DspTestHelpers.Sine(Block * 25, frequency, Rate, amplitude, Math.PI / 4);
        var output = Run(new TruePeakLimiter(), input);

        Assert.All(output, s => Assert.InRange(Math.Abs(s), 0f, Ceiling));
        Assert.True(TruePeak(output) <= Ceiling * 1.0001, $"true peak {DspTestHelpers.Db(TruePeak(output)):F3} dB");
    }

    [Fact]
    public void Process_AStepFromSilenceToFullScaleAtABlockStart_IsHeldUnderTheCeiling()
    {
        var input = new float[Block * 3];
        input.AsSpan(Block).Fill(1f);
        input[Block] = -1f;

        var output = Run(new TruePeakLimiter(), input);

        Assert.All(output, s => Assert.InRange(Math.Abs(s), 0f, Ceiling));
        Assert.All(output[..Block], s => Assert.Equal(0f, s));
    }

    [Fact]
    public void Process_AfterABurst_ReleasesToUnity_AndIsTransparentAgain()
    {
        var burst = DspTestHelpers.Sine(Block * 5, 1000, Rate, 2.0);
        var quiet = DspTestHelpers.Sine(Block * 100, 440, Rate, 0.25);
        var limiter = new TruePeakLimiter();

        Run(limiter, burst);
        var output = Run(limiter, quiet);

        Assert.Equal(1f, limiter.CurrentGain);
        Assert.Equal(quiet[^Block..], output[^Block..]);
        Assert.True(output[Block] < quiet[Block] || quiet[Block] <= 0, "the gain comes back gradually, not at once");
    }

    [Fact]
    public void Process_RampsDownAheadOfAPeakInsideTheBlock()
    {
        var input = DspTestHelpers.Sine(Block, 500, Rate, 0.5);
        input[600] = 1.5f;

        var limiter = new TruePeakLimiter();
        var output = Run(limiter, input);

        var gains = limiter.LastGains.ToArray();
        Assert.True(gains[600] <= Ceiling / 1.5f + 1e-6f);
        Assert.Equal(1f, gains[0]);
        for (var n = 500; n < 600; n++)
        {
            Assert.True(gains[n + 1] <= gains[n], $"gain rises before the peak at {n}");
        }

        Assert.All(output, s => Assert.InRange(Math.Abs(s), 0f, Ceiling));
    }

    [Fact]
    public void Process_AllocatesNothing()
    {
        var limiter = new TruePeakLimiter();
        var block = DspTestHelpers.Sine(Block, 1000, Rate, 2.0);
        limiter.Process(block);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            limiter.Process(block);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    private static float[] Run(TruePeakLimiter limiter, float[] input)
    {
        var output = (float[])input.Clone();
        for (var start = 0; start < output.Length; start += Block)
        {
            limiter.Process(output.AsSpan(start, Math.Min(Block, output.Length - start)));
        }

        return output;
    }

    /// <summary>An independent true-peak reading: 16× oversampling with a long Blackman-windowed sinc.</summary>
    private static double TruePeak(float[] x)
    {
        const int factor = 16;
        const int half = 32;
        var peak = 0.0;
        for (var n = half; n < x.Length - half; n++)
        {
            for (var p = 0; p < factor; p++)
            {
                var t = n + (p / (double)factor);
                var sum = 0.0;
                for (var k = n - half + 1; k <= n + half; k++)
                {
                    var d = t - k;
                    var sinc = Math.Abs(d) < 1e-12 ? 1 : Math.Sin(Math.PI * d) / (Math.PI * d);
                    var w = 0.42 + (0.5 * Math.Cos(Math.PI * d / half)) + (0.08 * Math.Cos(2 * Math.PI * d / half));
                    sum += x[k] * sinc * w;
                }

                peak = Math.Max(peak, Math.Abs(sum));
            }
        }

        return peak;
    }
}
