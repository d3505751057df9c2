using System.Buffers.Binary;

namespace RadioStudio.Engine.Audio.Codecs;

/// <summary>The parts of a <c>fmt </c> chunk the reader needs, validated.</summary>
internal sealed record WavFormatChunk(WavEncoding Encoding, int Channels, int SampleRate, int BytesPerSample)
{
    private const ushort TagPcm = 1;
    private const ushort TagIeeeFloat = 3;
    private const ushort TagALaw = 6;
    private const ushort TagMuLaw = 7;
    private const ushort TagExtensible = 0xFFFE;

    // KSDATAFORMAT_SUBTYPE_* GUIDs are the format tag followed by these 14 fixed bytes.
    private static ReadOnlySpan<byte> SubformatTail => [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Bytes per interleaved frame.</summary>
    public int FrameSize => Channels * BytesPerSample;

    /// <summary>Parses and validates a <c>fmt </c> chunk body.</summary>
    /// <exception cref="InvalidDataException">The chunk is short, inconsistent or describes an unsupported format.</exception>
    public static WavFormatChunk Parse(ReadOnlySpan<byte> body)
    {
        if (body.Length < 16)
        {
            throw WavReader.Invalid($"'fmt ' chunk is {body.Length} bytes; at least 16 are required.");
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(body[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);

        if (tag == TagExtensible)
        {
            if (body.Length < 40)
            {
                throw WavReader.Invalid($"WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is {body.Length} bytes; 40 are required.");
            }

            var subformat = body.Slice(24, 16);
            if (!subformat[2..].SequenceEqual(SubformatTail))
            {
                throw WavReader.Invalid($"WAVE_FORMAT_EXTENSIBLE sub-format {new Guid(subformat)} is not supported.");
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(subformat);
        }

        var encoding = (tag, bits) switch
        {
            (TagPcm, 8 or 16 or 24 or 32) => WavEncoding.Pcm,
            (TagIeeeFloat, 32 or 64) => WavEncoding.IeeeFloat,
            (TagALaw, 8) => WavEncoding.ALaw,
            (TagMuLaw, 8) => WavEncoding.MuLaw,
            (TagPcm or TagIeeeFloat or TagALaw or TagMuLaw, _) =>
                throw WavReader.Invalid($"{bits} bits per sample is not supported for format tag {tag}."),
            _ => throw WavReader.Invalid($"WAVE format tag 0x{tag:X4} is not supported (PCM, IEEE float, A-law and μ-law are)."),
        };

        if (channels == 0)
        {
            throw WavReader.Invalid("'fmt ' chunk declares 0 channels.");
        }

        if (sampleRate is 0 or > int.MaxValue)
        {
            throw WavReader.Invalid($"'fmt ' chunk declares a sample rate of {sampleRate}.");
        }

        var format = new WavFormatChunk(encoding, channels, (int)sampleRate, bits / 8);
        if (blockAlign != format.FrameSize)
        {
            throw WavReader.Invalid($"'fmt ' block align is {blockAlign}; {channels} channels of {bits} bits need {format.FrameSize}.");
        }

        return format;
    }
}
