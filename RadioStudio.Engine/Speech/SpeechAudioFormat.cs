using System.Buffers.Binary;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Nodes;

namespace RadioStudio.Engine.Speech;

/// <summary>Conversions the speech providers share: 16 kHz PCM16 for recognisers, PCM16 bytes to float chunks.</summary>
internal static class SpeechAudioFormat
{
    /// <summary>The rate speech recognisers get (Whisper and pocketsphinx both want 16 kHz).</summary>
    public const int RecognitionRate = 16_000;

    public static float[] To16k(SpeechSegment segment) =>
        segment.SampleRate == RecognitionRate
            ? segment.Samples.ToArray()
            : PolyphaseResampler.ResampleAll(segment.Samples.Span, segment.SampleRate, RecognitionRate);

    public static byte[] ToWav16k(SpeechSegment segment)
    {
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, RecognitionRate, 1, WavSampleFormat.Pcm16, leaveOpen: true))
        {
            writer.Write(To16k(segment));
        }

        return stream.ToArray();
    }

    public static short[] ToPcm16(ReadOnlySpan<float> samples)
    {
        var pcm = new short[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            pcm[i] = (short)Math.Round(Math.Clamp(samples[i], -1f, 1f) * short.MaxValue);
        }

        return pcm;
    }

    /// <summary>RMS level in dBFS (−120 for digital silence).</summary>
    public static double LevelDb(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var sample in samples)
        {
            sum += sample * sample;
        }

        var meanSquare = samples.IsEmpty ? 0 : sum / samples.Length;
        return meanSquare > 1e-12 ? 10 * Math.Log10(meanSquare) : -120;
    }

    /// <summary>Reads little-endian PCM16 mono from <paramref name="stream"/> and yields it as it arrives.</summary>
    public static async IAsyncEnumerable<SpeechAudioChunk> ReadPcm16Async(
        Stream stream, int sampleRate, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var bytes = new byte[8192];
        var pending = 0;
        int read;
        while ((read = await stream.ReadAsync(bytes.AsMemory(pending), cancellationToken).ConfigureAwait(false)) > 0)
        {
            pending += read;
            var count = pending / 2;
            if (count == 0)
            {
                continue;
            }

            var samples = new float[count];
            for (var i = 0; i < count; i++)
            {
                samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(2 * i)) / 32768f;
            }

            // A read can end inside a sample: carry its byte to the next read.
            if ((pending & 1) == 1)
            {
                bytes[0] = bytes[pending - 1];
            }

            pending &= 1;
            yield return new SpeechAudioChunk(samples, sampleRate);
        }
    }
}
