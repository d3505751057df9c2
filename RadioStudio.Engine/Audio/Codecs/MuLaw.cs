using System.Numerics;
using System.Runtime.CompilerServices;

namespace RadioStudio.Engine.Audio.Codecs;

/// <summary>
/// ITU-T G.711 μ-law, bit-exact with the reference codec (CPython audioop / Sun g711.c): decode of
/// 0x7F is 0, and encoding works on the 14-bit value <c>pcm &gt;&gt; 2</c> (arithmetic shift).
/// Both directions are table lookups because they run for every sample of every phone line.
/// </summary>
public static class MuLaw
{
    /// <summary>The code for digital silence (decodes to 0).</summary>
    public const byte Silence = 0xFF;

    private const int Bias = 0x84;
    private const int Clip14 = 8159;

    private static readonly short[] DecodeValues = BuildDecodeTable();

    // Indexed by (pcm >> 2) + 8192: the encoder only looks at the top 14 bits, so 16 KiB covers int16.
    private static readonly byte[] EncodeValues = BuildEncodeTable();

    /// <summary>The 256 decoded values, indexed by μ-law code.</summary>
    public static ReadOnlySpan<short> DecodeTable => DecodeValues;

    /// <summary>Decodes one μ-law code to a 16-bit sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short Decode(byte mulaw) => DecodeValues[mulaw];

    /// <summary>Encodes one 16-bit sample to μ-law.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Encode(short pcm) => EncodeValues[(pcm >> 2) + 8192];

    /// <summary>Decodes μ-law codes to floats (<c>pcm / 32768</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Decode(ReadOnlySpan<byte> source, Span<float> destination)
    {
        Pcm16.EnsureRoom(source.Length, destination.Length, nameof(destination));
        var table = DecodeValues;
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i]] * (1f / 32768f);
        }
    }

    /// <summary>Encodes floats to μ-law: clamp to [-1, 1), scale by 32768, round, then G.711 encode.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Encode(ReadOnlySpan<float> source, Span<byte> destination)
    {
        Pcm16.EnsureRoom(source.Length, destination.Length, nameof(destination));
        var table = EncodeValues;
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = table[(Pcm16.Quantize(source[i]) >> 2) + 8192];
        }
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var code = 0; code < 256; code++)
        {
            var u = ~code & 0xFF;
            var magnitude = ((((u & 0x0F) << 3) + Bias) << ((u >> 4) & 0x07)) - Bias;
            table[code] = (short)((u & 0x80) != 0 ? -magnitude : magnitude);
        }

        return table;
    }

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[16384];
        for (var pcm14 = -8192; pcm14 < 8192; pcm14++)
        {
            table[pcm14 + 8192] = EncodeSegment(pcm14);
        }

        return table;
    }

    // G.711 proper: sign and magnitude, bias, segment = position of the top bit, 4 mantissa bits, all inverted.
    private static byte EncodeSegment(int pcm14)
    {
        var mask = pcm14 < 0 ? 0x7F : 0xFF;
        var magnitude = Math.Min(Math.Abs(pcm14), Clip14) + (Bias >> 2);
        if (magnitude > 0x1FFF)
        {
            return (byte)(0x7F ^ mask);
        }

        var segment = BitOperations.Log2((uint)magnitude) - 5;
        return (byte)(((segment << 4) | ((magnitude >> (segment + 1)) & 0x0F)) ^ mask);
    }
}
