using System.Buffers.Binary;

namespace RadioStudio.Engine.Audio.Codecs;

/// <summary>Turns the bytes of a WAV data chunk into float samples.</summary>
internal static class WavSampleDecoder
{
    /// <summary>Decodes <c>destination.Length</c> samples from <paramref name="data"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> data, WavFormatChunk format, Span<float> destination)
    {
        switch (format.Encoding, format.BytesPerSample)
        {
            case (WavEncoding.Pcm, 1):
                for (var i = 0; i < destination.Length; i++)
                {
                    // 8-bit WAV is the one unsigned format: 128 is silence.
                    destination[i] = (data[i] - 128) * (1f / 128);
                }

                break;
            case (WavEncoding.Pcm, 2):
                Pcm16.ToFloat(data[..(destination.Length * 2)], destination);
                break;
            case (WavEncoding.Pcm, 3):
                for (var i = 0; i < destination.Length; i++)
                {
                    var b = data.Slice(i * 3, 3);
                    destination[i] = (b[0] | (b[1] << 8) | ((sbyte)b[2] << 16)) * (1f / 8388608);
                }

                break;
            case (WavEncoding.Pcm, 4):
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = BinaryPrimitives.ReadInt32LittleEndian(data[(i * 4)..]) * (1f / 2147483648);
                }

                break;
            case (WavEncoding.IeeeFloat, 4):
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(i * 4)..]);
                }

                break;
            case (WavEncoding.IeeeFloat, 8):
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(data[(i * 8)..]);
                }

                break;
            case (WavEncoding.MuLaw, 1):
                MuLaw.Decode(data[..destination.Length], destination);
                break;
            case (WavEncoding.ALaw, 1):
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = ALaw.Decode(data[i]) * (1f / 32768);
                }

                break;
            default:
                throw new InvalidOperationException($"No decoder for {format.Encoding} with {format.BytesPerSample} bytes per sample.");
        }
    }
}
