using RadioStudio.Engine.Audio.Nodes;

namespace RadioStudio.Tests.Engine.Audio.Nodes;

public sealed class DotProductTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(37)]
    [InlineData(384)]
    public void Compute_AnyLength_MatchesDoubleSum(int length)
    {
        var (a, b) = (Random(length, 1), Random(length + 5, 2));

        var expected = Enumerable.Range(0, length).Sum(i => (double)a[i] * b[i]);

        Assert.Equal(expected, DotProduct.Compute(a, b), 4);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(37)]
    [InlineData(64)]
    public void SharedWindow4_FourRows_BitIdenticalToCompute(int taps)
    {
        var rows = Random(4 * taps, 3);
        var window = Random(taps, 4);
        var result = new float[4];

        DotProduct.SharedWindow4(rows, window, result);

        for (var r = 0; r < 4; r++)
        {
            Assert.Equal(DotProduct.Compute(rows.AsSpan(r * taps, taps), window), result[r]);
        }
    }

    [Theory]
    [InlineData(8, 6)]
    [InlineData(37, 3)]
    [InlineData(384, 6)]
    public void SharedRow4_FourStridedWindows_BitIdenticalToCompute(int taps, int stride)
    {
        var row = Random(taps, 5);
        var samples = Random((3 * stride) + taps, 6);
        var result = new float[4];

        DotProduct.SharedRow4(row, samples, stride, result);

        for (var w = 0; w < 4; w++)
        {
            Assert.Equal(DotProduct.Compute(row, samples.AsSpan(w * stride)), result[w]);
        }
    }

    private static float[] Random(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
    }
}
