using System.Buffers.Binary;

namespace RadioStudio.Engine.Audio.Codecs;

/// <summary>
/// Lays out the header <see cref="WavWriter"/> writes: RIFF, (<c>JUNK</c> | <c>ds64</c>,) <c>fmt </c>,
/// (<c>fact</c>,) <c>data</c>. With room reserved for RF64 (EBU Tech 3306) a 28-byte <c>JUNK</c> chunk
/// follows the RIFF header while the file fits a 32-bit RIFF; past that the same 36 bytes become the
/// <c>ds64</c> chunk, the first four bytes <c>RF64</c>, and the 32-bit RIFF, data and fact sizes 0xFFFFFFFF.
/// </summary>
internal static class WavHeader
{
    /// <summary>The longest header written (float: 18-byte fmt, a fact chunk, and the JUNK/ds64 reservation).</summary>
    public const int MaxLength = 58 + Ds64ChunkLength;

    /// <summary>Bytes of the <c>JUNK</c>/<c>ds64</c> chunk, header included: riff size, data size, sample count (64-bit each), table length (32-bit).</summary>
    public const int Ds64ChunkLength = 8 + Ds64BodyLength;

    /// <summary>The largest RIFF size a plain (32-bit) header can state; 0xFFFFFFFF is the RF64 / "unknown" marker.</summary>
    public const long MaxRiffSize = uint.MaxValue - 1L;

    private const int Ds64BodyLength = 28;
    private const uint UnknownSize = uint.MaxValue;

    /// <summary>Bytes per sample of each format.</summary>
    public static int BytesPerSample(WavSampleFormat format) => format switch
    {
        WavSampleFormat.Pcm16 => 2,
        WavSampleFormat.Pcm24 => 3,
        _ => 4,
    };

    /// <summary>The header's length for this format and layout.</summary>
    public static int Length(WavSampleFormat format, bool reserveRf64) =>
        (format == WavSampleFormat.Float32 ? 58 : 44) + (reserveRf64 ? Ds64ChunkLength : 0);

    /// <summary>
    /// Writes the header; a negative <paramref name="dataBytes"/> means "not known yet". With
    /// <paramref name="reserveRf64"/>, a RIFF size above <paramref name="maxRiffSize"/> writes RF64;
    /// without it, such sizes are written as 0xFFFFFFFF. Returns the header's length.
    /// </summary>
    public static int Write(Span<byte> destination, int sampleRate, int channels, WavSampleFormat format, long dataBytes, bool reserveRf64 = false, long maxRiffSize = MaxRiffSize)
    {
        var isFloat = format == WavSampleFormat.Float32;
        var bytesPerSample = BytesPerSample(format);
        var blockAlign = channels * bytesPerSample;
        var length = Length(format, reserveRf64);
        var riffSize64 = length - 8 + dataBytes + (dataBytes & 1);
        var rf64 = reserveRf64 && dataBytes >= 0 && riffSize64 > maxRiffSize;
        var riffSize = dataBytes < 0 || rf64 ? UnknownSize : ClampSize(riffSize64);
        var dataSize = riffSize == UnknownSize ? UnknownSize : (uint)dataBytes;

        var h = destination[..length];
        (rf64 ? "RF64"u8 : "RIFF"u8).CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], riffSize);
        "WAVE"u8.CopyTo(h[8..]);
        var next = 12;
        if (reserveRf64)
        {
            var chunk = h.Slice(next, Ds64ChunkLength);
            chunk.Clear();
            (rf64 ? "ds64"u8 : "JUNK"u8).CopyTo(chunk);
            BinaryPrimitives.WriteUInt32LittleEndian(chunk[4..], Ds64BodyLength);
            if (rf64)
            {
                // 64-bit sizes as low/high dword pairs (= little-endian 64-bit); table length stays 0.
                BinaryPrimitives.WriteInt64LittleEndian(chunk[8..], riffSize64);
                BinaryPrimitives.WriteInt64LittleEndian(chunk[16..], dataBytes);
                BinaryPrimitives.WriteInt64LittleEndian(chunk[24..], dataBytes / blockAlign);
            }

            next += Ds64ChunkLength;
        }

        "fmt "u8.CopyTo(h[next..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[(next + 4)..], isFloat ? 18u : 16u);
        BinaryPrimitives.WriteUInt16LittleEndian(h[(next + 8)..], (ushort)(isFloat ? 3 : 1));
        BinaryPrimitives.WriteUInt16LittleEndian(h[(next + 10)..], (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(h[(next + 12)..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(h[(next + 16)..], sampleRate * blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(h[(next + 20)..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(h[(next + 22)..], (ushort)(bytesPerSample * 8));
        next += 24;
        if (isFloat)
        {
            // cbSize 0, then the fact chunk non-PCM formats are expected to carry (frame count).
            BinaryPrimitives.WriteUInt16LittleEndian(h[next..], 0);
            "fact"u8.CopyTo(h[(next + 2)..]);
            BinaryPrimitives.WriteUInt32LittleEndian(h[(next + 6)..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(h[(next + 10)..], dataSize == UnknownSize ? UnknownSize : dataSize / (uint)blockAlign);
            next += 14;
        }

        "data"u8.CopyTo(h[next..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[(next + 4)..], dataSize);
        return length;
    }

    private static uint ClampSize(long size) => size >= UnknownSize ? UnknownSize : (uint)size;
}
