using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RadioStudio.Engine.Audio.Graph;

/// <summary>SIMD sums and differences of whole blocks (the mixer and mix-minus inner loops).</summary>
internal static class BlockMath
{
    /// <summary><paramref name="destination"/> += <paramref name="source"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(Span<float> destination, ReadOnlySpan<float> source)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && destination.Length >= Vector<float>.Count)
        {
            var d = MemoryMarshal.Cast<float, Vector<float>>(destination);
            var s = MemoryMarshal.Cast<float, Vector<float>>(source[..destination.Length]);
            for (var v = 0; v < d.Length; v++)
            {
                d[v] += s[v];
            }

            i = d.Length * Vector<float>.Count;
        }

        for (; i < destination.Length; i++)
        {
            destination[i] += source[i];
        }
    }

    /// <summary><paramref name="destination"/> = <paramref name="left"/> − <paramref name="right"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Subtract(Span<float> destination, ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && destination.Length >= Vector<float>.Count)
        {
            var d = MemoryMarshal.Cast<float, Vector<float>>(destination);
            var l = MemoryMarshal.Cast<float, Vector<float>>(left[..destination.Length]);
            var r = MemoryMarshal.Cast<float, Vector<float>>(right[..destination.Length]);
            for (var v = 0; v < d.Length; v++)
            {
                d[v] = l[v] - r[v];
            }

            i = d.Length * Vector<float>.Count;
        }

        for (; i < destination.Length; i++)
        {
            destination[i] = left[i] - right[i];
        }
    }

    /// <summary><paramref name="destination"/> −= <paramref name="source"/>.</summary>
    public static void SubtractInPlace(Span<float> destination, ReadOnlySpan<float> source) => Subtract(destination, destination, source);
}
