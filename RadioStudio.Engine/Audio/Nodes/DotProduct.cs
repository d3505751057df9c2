using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RadioStudio.Engine.Audio.Nodes;

/// <summary>
/// The resampler's inner loops: SIMD dot products. The multi-output forms exist because the phone
/// path converts by whole factors, where four outputs can share one load of the window (upsampling)
/// or of the coefficients (downsampling), which is what limits a single dot product.
/// </summary>
internal static class DotProduct
{
    /// <summary>Σ a[i]·b[i] over the length of <paramref name="a"/>; <paramref name="b"/> must be at least as long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Compute(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b[..a.Length]);
        var length = (nuint)a.Length;
        var width = (nuint)Vector<float>.Count;

        // One accumulator, in the same order as the four-way kernels, so an output is bit-identical
        // whichever kernel computed it and chunked processing equals one-shot processing exactly.
        var sum = Vector<float>.Zero;
        nuint i = 0;
        for (; i + width <= length; i += width)
        {
            sum = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref ra, i), Vector.LoadUnsafe(ref rb, i), sum);
        }

        return Vector.Sum(sum) + ScalarTail(ref ra, ref rb, i, length);
    }

    /// <summary>Four consecutive rows of <paramref name="window"/>.Length coefficients, each dotted with the same window.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SharedWindow4(ReadOnlySpan<float> rows, ReadOnlySpan<float> window, Span<float> destination)
    {
        var taps = (nuint)window.Length;
        ref var r0 = ref MemoryMarshal.GetReference(rows[..(4 * window.Length)]);
        ref var r1 = ref Unsafe.Add(ref r0, taps);
        ref var r2 = ref Unsafe.Add(ref r1, taps);
        ref var r3 = ref Unsafe.Add(ref r2, taps);
        ref var x = ref MemoryMarshal.GetReference(window);
        var width = (nuint)Vector<float>.Count;
        Vector<float> s0 = default, s1 = default, s2 = default, s3 = default;
        nuint i = 0;
        for (; i + width <= taps; i += width)
        {
            var xv = Vector.LoadUnsafe(ref x, i);
            s0 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref r0, i), xv, s0);
            s1 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref r1, i), xv, s1);
            s2 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref r2, i), xv, s2);
            s3 = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref r3, i), xv, s3);
        }

        destination[3] = Vector.Sum(s3) + ScalarTail(ref r3, ref x, i, taps);
        destination[0] = Vector.Sum(s0) + ScalarTail(ref r0, ref x, i, taps);
        destination[1] = Vector.Sum(s1) + ScalarTail(ref r1, ref x, i, taps);
        destination[2] = Vector.Sum(s2) + ScalarTail(ref r2, ref x, i, taps);
    }

    /// <summary>One coefficient row dotted with four windows that start <paramref name="stride"/> samples apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SharedRow4(ReadOnlySpan<float> row, ReadOnlySpan<float> samples, int stride, Span<float> destination)
    {
        var taps = (nuint)row.Length;
        ref var c = ref MemoryMarshal.GetReference(row);
        ref var x0 = ref MemoryMarshal.GetReference(samples[..((3 * stride) + row.Length)]);
        ref var x1 = ref Unsafe.Add(ref x0, stride);
        ref var x2 = ref Unsafe.Add(ref x1, stride);
        ref var x3 = ref Unsafe.Add(ref x2, stride);
        var width = (nuint)Vector<float>.Count;
        Vector<float> s0 = default, s1 = default, s2 = default, s3 = default;
        nuint i = 0;
        for (; i + width <= taps; i += width)
        {
            var cv = Vector.LoadUnsafe(ref c, i);
            s0 = Vector.MultiplyAddEstimate(cv, Vector.LoadUnsafe(ref x0, i), s0);
            s1 = Vector.MultiplyAddEstimate(cv, Vector.LoadUnsafe(ref x1, i), s1);
            s2 = Vector.MultiplyAddEstimate(cv, Vector.LoadUnsafe(ref x2, i), s2);
            s3 = Vector.MultiplyAddEstimate(cv, Vector.LoadUnsafe(ref x3, i), s3);
        }

        destination[3] = Vector.Sum(s3) + ScalarTail(ref c, ref x3, i, taps);
        destination[0] = Vector.Sum(s0) + ScalarTail(ref c, ref x0, i, taps);
        destination[1] = Vector.Sum(s1) + ScalarTail(ref c, ref x1, i, taps);
        destination[2] = Vector.Sum(s2) + ScalarTail(ref c, ref x2, i, taps);
    }

    private static float ScalarTail(ref float a, ref float b, nuint start, nuint length)
    {
        var sum = 0f;
        for (var i = start; i < length; i++)
        {
            sum += Unsafe.Add(ref a, i) * Unsafe.Add(ref b, i);
        }

        return sum;
    }
}
