using System.Buffers.Binary;

namespace RadioStudio.Engine.Audio.Codecs;

/// <summary>Lays out the header <see cref="WavWriter"/> writes: RIFF, <c>fmt </c>, (<c>fact</c>,) <c>data</c>.</summary>
internal static class WavHeader
{
    /// <summary>The longest header written (float: 18-byte fmt plus a fact chunk).</summary>
    public const int MaxLength = 58;

    private const uint UnknownSize = uint.MaxValue;

    /// <summary>Writes the header; a negative <paramref name="dataBytes"/> means "not known yet". Returns its length.</summary>
    public static int Write(Span<byte> destination, int sampleRate, int channels, WavSampleFormat format, long dataBytes)
    {
        var isFloat = format == WavSampleFormat.Float32;
        var bytesPerSample = isFloat ? 4 : 2;
        var blockAlign = channels * bytesPerSample;
        var length = isFloat ? MaxLength : 44;
        var riffSize = dataBytes < 0 ? UnknownSize : ClampSize(length - 8 + dataBytes);
        var dataSize = riffSize == UnknownSize ? UnknownSize : (uint)dataBytes;

        var h = destination[..length];
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], riffSize);
        "WAVEfmt "u8.CopyTo(h[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], isFloat ? 18u : 16u);
        BinaryPrimitives.WriteUInt16LittleEndian(h[20..], (ushort)(isFloat ? 3 : 1));
        BinaryPrimitives.WriteUInt16LittleEndian(h[22..], (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(h[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(h[28..], sampleRate * blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(h[32..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(h[34..], (ushort)(bytesPerSample * 8));
        var next = 36;
        if (isFloat)
        {
            // cbSize 0, then the fact chunk non-PCM formats are expected to carry (frame count).
            BinaryPrimitives.WriteUInt16LittleEndian(h[36..], 0);
            "fact"u8.CopyTo(h[38..]);
            BinaryPrimitives.WriteUInt32LittleEndian(h[42..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(h[46..], dataSize == UnknownSize ? UnknownSize : dataSize / (uint)blockAlign);
            next = 50;
        }

        "data"u8.CopyTo(h[next..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[(next + 4)..], dataSize);
        return length;
    }

    private static uint ClampSize(long size) => size >= UnknownSize ? UnknownSize : (uint)size;
}
