using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RadioStudio.Engine.Audio.Nodes;

/// <summary>The resampler's inner loop: a SIMD dot product of two equal-length spans.</summary>
internal static class DotProduct
{
    /// <summary>Σ a[i]·b[i]; <paramref name="b"/> must be at least as long as <paramref name="a"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Compute(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        var length = (nuint)a.Length;
        var width = (nuint)Vector<float>.Count;

        // Two accumulators hide the add latency; row lengths are multiples of 8, so the tail is rare.
        var sum0 = Vector<float>.Zero;
        var sum1 = Vector<float>.Zero;
        nuint i = 0;
        for (; i + (2 * width) <= length; i += 2 * width)
        {
            sum0 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref ra, i), Vector.LoadUnsafe(ref rb, i), sum0);
            sum1 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref ra, i + width), Vector.LoadUnsafe(ref rb, i + width), sum1);
        }

        if (i + width <= length)
        {
            sum0 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref ra, i), Vector.LoadUnsafe(ref rb, i), sum0);
            i += width;
        }

        var sum = Vector.Sum(sum0 + sum1);
        for (; i < length; i++)
        {
            sum += Unsafe.Add(ref ra, i) * Unsafe.Add(ref rb, i);
        }

        return sum;
    }
}
