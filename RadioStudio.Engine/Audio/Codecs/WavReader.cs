using System.Buffers.Binary;

namespace RadioStudio.Engine.Audio.Codecs;

/// <summary>
/// Reads RIFF/WAVE files: PCM 8/16/24/32-bit, IEEE float 32/64, A-law, μ-law, plain or
/// WAVE_FORMAT_EXTENSIBLE. Chunks other than <c>fmt </c> and <c>data</c> are skipped. A data size of
/// 0 or at least 0x7FFFF000 means the writer streamed and never patched the header (0xFFFFFFFF,
/// 0x7FFFFFFF, and espeak-ng's 0x7FFFF000 on stdout): the data runs to the end of the stream and a
/// trailing partial frame is dropped. Any other size larger than what the stream holds is a truncated
/// file and is rejected. RF64 and BW64 files (EBU Tech 3306, ITU-R BS.2088) are read too: their
/// <c>ds64</c> chunk gives the 64-bit data size that a 0xFFFFFFFF <c>data</c> size stands for.
/// </summary>
public static class WavReader
{
    private const int MaxFormatChunk = 4096;
    private const uint StreamedSizeMarker = 0x7FFFF000;

    /// <summary>Reads a WAV file.</summary>
    /// <exception cref="InvalidDataException">The file is not a WAV this reader understands, or is truncated.</exception>
    public static WavAudio Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Read(stream);
    }

    /// <summary>Reads a WAV from the current position of <paramref name="stream"/> (which need not be seekable).</summary>
    /// <exception cref="InvalidDataException">The stream is not a WAV this reader understands, or is truncated.</exception>
    public static WavAudio Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[12];
        var filled = TryFill(stream, header);
        var isRf64 = filled && (header[..4].SequenceEqual("RF64"u8) || header[..4].SequenceEqual("BW64"u8));
        if (!filled || !(isRf64 || header[..4].SequenceEqual("RIFF"u8)) || !header[8..].SequenceEqual("WAVE"u8))
        {
            throw Invalid("Not a RIFF/WAVE file (missing 'RIFF'…'WAVE' header).");
        }

        WavFormatChunk? format = null;
        long? ds64DataSize = null;
        Span<byte> chunk = stackalloc byte[8];
        while (TryFill(stream, chunk))
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (isRf64 && chunk[..4].SequenceEqual("ds64"u8))
            {
                ds64DataSize = ReadDs64DataSize(stream, size);
            }
            else if (chunk[..4].SequenceEqual("fmt "u8))
            {
                if (size > MaxFormatChunk)
                {
                    throw Invalid($"'fmt ' chunk claims {size} bytes.");
                }

                var body = new byte[size + (size & 1)];
                if (!TryFill(stream, body))
                {
                    throw Invalid("File ends inside the 'fmt ' chunk.");
                }

                format = WavFormatChunk.Parse(body.AsSpan(0, (int)size));
            }
            else if (chunk[..4].SequenceEqual("data"u8))
            {
                if (format is null)
                {
                    throw Invalid("'data' chunk comes before any 'fmt ' chunk.");
                }

                if (!isRf64 || size != uint.MaxValue)
                {
                    return ReadData(stream, format, size is 0 or >= StreamedSizeMarker ? null : size);
                }

                // RF64: the real size is in ds64; 0 there means the writer streamed and never patched it.
                return ds64DataSize is { } size64
                    ? ReadData(stream, format, size64 == 0 ? null : size64)
                    : throw Invalid("RF64 file without a 'ds64' chunk before 'data'.");
            }
            else if (!TrySkip(stream, size + (size & 1)))
            {
                throw Invalid($"Chunk '{System.Text.Encoding.ASCII.GetString(chunk[..4])}' of {size} bytes runs past the end of the file.");
            }
        }

        throw Invalid(format is null ? "No 'fmt ' chunk before the end of the file." : "No 'data' chunk before the end of the file.");
    }

    internal static InvalidDataException Invalid(string message) => new("Invalid WAV: " + message);

    private static long ReadDs64DataSize(Stream stream, uint size)
    {
        // riffSize(8) dataSize(8) sampleCount(8) tableLength(4) table…; only the data size matters here.
        if (size is < 24 or > MaxFormatChunk)
        {
            throw Invalid($"'ds64' chunk of {size} bytes (at least 24 are required).");
        }

        Span<byte> body = stackalloc byte[24];
        if (!TryFill(stream, body) || !TrySkip(stream, size - 24 + (size & 1)))
        {
            throw Invalid("File ends inside the 'ds64' chunk.");
        }

        var dataSize = BinaryPrimitives.ReadInt64LittleEndian(body[8..]);
        return dataSize >= 0 ? dataSize : throw Invalid($"'ds64' declares a data size of {(ulong)dataSize} bytes.");
    }

    private static WavAudio ReadData(Stream stream, WavFormatChunk format, long? size)
    {
        var bytes = size is { } declared ? ReadDeclared(stream, declared) : ReadToEnd(stream);
        var frames = bytes.Length / format.FrameSize;
        if ((long)frames * format.Channels > Array.MaxLength)
        {
            throw Invalid($"{frames} frames of {format.Channels} channels is too large to decode into memory.");
        }

        var samples = new float[frames * format.Channels];
        WavSampleDecoder.Decode(bytes, format, samples);
        return new WavAudio(format.SampleRate, format.Channels, samples);
    }

    private static byte[] ReadDeclared(Stream stream, long size)
    {
        if (size > Array.MaxLength)
        {
            throw Invalid($"'data' chunk of {size} bytes is too large to read into memory.");
        }

        if (stream.CanSeek && stream.Length - stream.Position < size)
        {
            throw Invalid($"'data' chunk declares {size} bytes but only {stream.Length - stream.Position} remain (truncated file).");
        }

        if (stream.CanSeek)
        {
            var bytes = new byte[size];
            return TryFill(stream, bytes) ? bytes : throw Invalid($"'data' chunk of {size} bytes is cut short.");
        }

        // Without a length to check first, a lying size must cost no more memory than what is really there.
        using var copy = new MemoryStream();
        CopyAtMost(stream, copy, size);
        return copy.Length == size
            ? copy.ToArray()
            : throw Invalid($"'data' chunk declares {size} bytes but the stream ends after {copy.Length} (truncated file).");
    }

    private static byte[] ReadToEnd(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position > Array.MaxLength)
        {
            throw Invalid($"Streamed 'data' of {stream.Length - stream.Position} bytes is too large to read into memory.");
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool TrySkip(Stream stream, long count)
    {
        if (!stream.CanSeek)
        {
            return CopyAtMost(stream, Stream.Null, count) == count;
        }

        // The final chunk may legitimately omit its pad byte.
        if (stream.Length - stream.Position < count - 1)
        {
            return false;
        }

        stream.Seek(Math.Min(count, stream.Length - stream.Position), SeekOrigin.Current);
        return true;
    }

    private static long CopyAtMost(Stream source, Stream destination, long count)
    {
        Span<byte> buffer = stackalloc byte[4096];
        var copied = 0L;
        while (copied < count)
        {
            var read = source.Read(buffer[..(int)Math.Min(buffer.Length, count - copied)]);
            if (read == 0)
            {
                break;
            }

            destination.Write(buffer[..read]);
            copied += read;
        }

        return copied;
    }

    private static bool TryFill(Stream stream, Span<byte> buffer) =>
        stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length;
}
