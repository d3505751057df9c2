using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace RadioStudio.Engine.Audio.Codecs;

/// <summary>
/// Signed 16-bit PCM ⇄ float conversions. Float full scale is [-1, 1): a sample is <c>pcm / 32768</c>,
/// so −32768 maps to exactly −1 and +32767 to just under +1.
/// </summary>
public static class Pcm16
{
    private const float Scale = 32768f;
    private const float InverseScale = 1f / 32768f;

    /// <summary>Converts 16-bit samples to floats in [-1, 1).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>.</exception>
    public static void ToFloat(ReadOnlySpan<short> source, Span<float> destination)
    {
        EnsureRoom(source.Length, destination.Length, nameof(destination));
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i] * InverseScale;
        }
    }

    /// <summary>Converts floats to 16-bit samples, clamping to [-1, 1) and rounding to nearest (ties to even).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>.</exception>
    public static void FromFloat(ReadOnlySpan<float> source, Span<short> destination)
    {
        EnsureRoom(source.Length, destination.Length, nameof(destination));
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = Quantize(source[i]);
        }
    }

    /// <summary>Converts little-endian 16-bit PCM bytes to floats in [-1, 1).</summary>
    /// <exception cref="ArgumentException">The byte count is odd, or <paramref name="destination"/> is too short.</exception>
    public static void ToFloat(ReadOnlySpan<byte> le16, Span<float> destination)
    {
        var count = SampleCount(le16);
        EnsureRoom(count, destination.Length, nameof(destination));
        for (var i = 0; i < count; i++)
        {
            destination[i] = BinaryPrimitives.ReadInt16LittleEndian(le16.Slice(i * 2, 2)) * InverseScale;
        }
    }

    /// <summary>Converts floats to little-endian 16-bit PCM bytes (clamped, rounded as <see cref="FromFloat(ReadOnlySpan{float}, Span{short})"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="le16"/> is shorter than two bytes per sample.</exception>
    public static void FromFloat(ReadOnlySpan<float> source, Span<byte> le16)
    {
        if (le16.Length / 2 < source.Length)
        {
            throw new ArgumentException($"Destination holds {le16.Length / 2} samples; {source.Length} needed.", nameof(le16));
        }

        for (var i = 0; i < source.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(le16.Slice(i * 2, 2), Quantize(source[i]));
        }
    }

    /// <summary>
    /// One float to int16: clamp to [-1, 1), scale, round half to even (what the FPU does, so no
    /// bias and no extra branch). NaN becomes 0 because .NET float→int conversion saturates.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static short Quantize(float sample)
    {
        var scaled = Math.Clamp(sample * Scale, -32768f, 32767f);
        return (short)(int)MathF.Round(scaled);
    }

    private static int SampleCount(ReadOnlySpan<byte> le16) =>
        (le16.Length & 1) == 0
            ? le16.Length / 2
            : throw new ArgumentException($"16-bit PCM needs an even byte count; got {le16.Length}.", nameof(le16));

    internal static void EnsureRoom(int needed, int available, string paramName)
    {
        if (available < needed)
        {
            throw new ArgumentException($"Destination holds {available} samples; {needed} needed.", paramName);
        }
    }
}
