using System.Numerics;
using System.Runtime.InteropServices;

namespace RadioStudio.Bench;

/// <summary>The mixer's two vector steps: sum a line into the program, and program − own (mix-minus).</summary>
internal static class BlockMath
{
    /// <summary>accumulator[i] += source[i].</summary>
    public static void Add(Span<float> accumulator, ReadOnlySpan<float> source)
    {
        var a = MemoryMarshal.Cast<float, Vector<float>>(accumulator);
        var s = MemoryMarshal.Cast<float, Vector<float>>(source[..accumulator.Length]);
        for (var i = 0; i < a.Length; i++)
        {
            a[i] += s[i];
        }

        for (var i = a.Length * Vector<float>.Count; i < accumulator.Length; i++)
        {
            accumulator[i] += source[i];
        }
    }

    /// <summary>destination[i] = program[i] − own[i].</summary>
    public static void Subtract(ReadOnlySpan<float> program, ReadOnlySpan<float> own, Span<float> destination)
    {
        var p = MemoryMarshal.Cast<float, Vector<float>>(program);
        var o = MemoryMarshal.Cast<float, Vector<float>>(own[..program.Length]);
        var d = MemoryMarshal.Cast<float, Vector<float>>(destination[..program.Length]);
        for (var i = 0; i < p.Length; i++)
        {
            d[i] = p[i] - o[i];
        }

        for (var i = p.Length * Vector<float>.Count; i < program.Length; i++)
        {
            destination[i] = program[i] - own[i];
        }
    }
}
