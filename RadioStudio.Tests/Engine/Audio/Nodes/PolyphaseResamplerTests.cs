using RadioStudio.Engine.Audio.Nodes;
using Xunit.Abstractions;
using static RadioStudio.Tests.Engine.Audio.DspTestHelpers;

namespace RadioStudio.Tests.Engine.Audio.Nodes;

public sealed class PolyphaseResamplerTests
{
    private static readonly int[] Rates = [8000, 16000, 22050, 24000, 44100, 48000];

    public static TheoryData<int, int> AllPairs()
    {
        var pairs = new TheoryData<int, int>();
        foreach (var from in Rates)
        {
            foreach (var to in Rates)
            {
                pairs.Add(from, to);
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Process_ConstantInput_UnityDcGain(int inputRate, int outputRate)
    {
        var resampler = new PolyphaseResampler(inputRate, outputRate);
        var ones = Enumerable.Repeat(1f, 4 * resampler.TapsPerOutput).ToArray();
        var result = new float[resampler.MaxOutputFor(ones.Length)];

        var written = resampler.Process(ones, result);

        // Everything after the first full filter length has seen only ones.
        var settled = result.AsSpan(resampler.MaxOutputFor(resampler.TapsPerOutput), written - resampler.MaxOutputFor(resampler.TapsPerOutput));
        Assert.False(settled.IsEmpty);
        foreach (var sample in settled)
        {
            Assert.InRange(Db(sample), -0.01, 0.01);
        }
    }

    [Theory]
    [InlineData(8000, 48000)]
    [InlineData(48000, 8000)]
    [InlineData(44100, 48000)]
    [InlineData(22050, 16000)]
    public void Process_RandomChunkSizes_EqualsOneCall(int inputRate, int outputRate)
    {
        var random = new Random(7);
        var signal = Enumerable.Range(0, 20000).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var whole = new PolyphaseResampler(inputRate, outputRate);
        var expected = new float[whole.MaxOutputFor(signal.Length)];
        var expectedCount = whole.Process(signal, expected);

        var chunked = new PolyphaseResampler(inputRate, outputRate);
        var actual = new List<float>();
        var block = new float[chunked.MaxOutputFor(3000)];
        for (var position = 0; position < signal.Length;)
        {
            var size = Math.Min(random.Next(0, 3000), signal.Length - position);
            var written = chunked.Process(signal.AsSpan(position, size), block.AsSpan(0, chunked.MaxOutputFor(size)));
            actual.AddRange(block.AsSpan(0, written));
            position += size;
        }

        Assert.Equal(expected.AsSpan(0, expectedCount).ToArray(), actual);
    }

    [Fact]
    public void Process_Impulse8kTo48k_SymmetricAroundGroupDelay()
    {
        var resampler = new PolyphaseResampler(8000, 48000);
        var impulse = new float[2 * resampler.LatencyInputSamples + 1];
        impulse[0] = 1;
        var response = new float[resampler.MaxOutputFor(impulse.Length)];

        resampler.Process(impulse, response);

        var centre = resampler.LatencyInputSamples * 6;
        Assert.Equal(centre, Array.IndexOf(response, response.Max()));
        for (var i = 1; i < centre; i++)
        {
            Assert.True(Math.Abs(response[centre - i] - response[centre + i]) < 1e-7, $"tap ±{i}: {response[centre - i]} vs {response[centre + i]}");
        }
    }

    [Theory]
    [InlineData(8000, 48000, 160, 960)]
    [InlineData(48000, 8000, 960, 160)]
    [InlineData(44100, 48000, 441, 480)]
    public void MaxOutputFor_TwentyMsBlocks_IsExactlyOneBlockOut(int inputRate, int outputRate, int inputCount, int expected)
    {
        var resampler = new PolyphaseResampler(inputRate, outputRate);
        var input = new float[inputCount];
        var result = new float[expected];

        Assert.Equal(expected, resampler.MaxOutputFor(inputCount));
        var total = 0;
        for (var i = 0; i < 50; i++)
        {
            total += resampler.Process(input, result);
        }

        Assert.Equal(50 * expected, total);
    }

    [Fact]
    public void Process_OutputTooSmall_ThrowsAndConsumesNothing()
    {
        var signal = Sine(960, 440, 48000);
        var reference = new PolyphaseResampler(48000, 8000);
        var expected = new float[160];
        reference.Process(signal, expected);

        var resampler = new PolyphaseResampler(48000, 8000);
        Assert.Throws<ArgumentException>(() => resampler.Process(signal, new float[159]));
        var actual = new float[160];
        Assert.Equal(160, resampler.Process(signal, actual));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Reset_AfterAudio_BehavesLikeNewInstance()
    {
        var signal = Sine(960, 440, 48000);
        var resampler = new PolyphaseResampler(48000, 8000);
        var first = new float[160];
        resampler.Process(signal, first);
        resampler.Process(Sine(960, 3000, 48000), new float[160]);

        resampler.Reset();
        var again = new float[160];
        resampler.Process(signal, again);

        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData(0, 8000)]
    [InlineData(8000, -1)]
    [InlineData(44100, 47999)]
    public void Constructor_UnsupportedRates_Throws(int inputRate, int outputRate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolyphaseResampler(inputRate, outputRate));

    [Theory]
    [InlineData(8000, 48000, 160)]
    [InlineData(48000, 8000, 960)]
    [InlineData(44100, 48000, 441)]
    public void Process_SteadyState_AllocatesNothing(int inputRate, int outputRate, int block)
    {
        var resampler = new PolyphaseResampler(inputRate, outputRate);
        var input = Sine(block, 440, inputRate);
        var result = new float[resampler.MaxOutputFor(block)];
        resampler.Process(input, result);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            resampler.Process(input, result);
        }

        // A per-call buffer would cost ≥ 640 bytes a call (640 KB here); a few KB can come from the runtime
        // itself (tiered JIT stubs) while the whole suite runs in parallel.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 16 * 1024, $"{allocated} bytes over 1000 calls");
    }
}
