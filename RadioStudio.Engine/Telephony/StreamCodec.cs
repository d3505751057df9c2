using System.Buffers.Binary;
using RadioStudio.Engine.Audio.Codecs;

namespace RadioStudio.Engine.Telephony;

/// <summary>
/// The audio format of a media stream, as the <c>codec</c> attribute of &lt;Stream&gt; names it: Twilio's
/// μ-law at 8 kHz (<c>PCMU@8000h</c>, the default) or the linear 16-bit formats compatible carriers such as
/// SignalWire offer (<c>L16@16000h</c>, <c>L16@24000h</c>). L16 is network byte order (big-endian), as the
/// audio/L16 type defines it (RFC 2586, RFC 3551).
/// </summary>
public sealed record StreamCodec(string Name, string Encoding, int SampleRate, int BytesPerSample)
{
    /// <summary>Twilio's stream format: μ-law, 8 kHz.</summary>
    public static StreamCodec Pcmu { get; } = new("PCMU@8000h", "audio/x-mulaw", 8000, 1);

    /// <summary>Linear 16-bit, 16 kHz.</summary>
    public static StreamCodec L16At16k { get; } = new("L16@16000h", "audio/l16", 16000, 2);

    /// <summary>Linear 16-bit, 24 kHz.</summary>
    public static StreamCodec L16At24k { get; } = new("L16@24000h", "audio/l16", 24000, 2);

    /// <summary>Every codec the studio speaks.</summary>
    public static IReadOnlyList<StreamCodec> All { get; } = [Pcmu, L16At16k, L16At24k];

    /// <summary>Samples in one 20 ms frame.</summary>
    public int FrameSamples => SampleRate / 50;

    /// <summary>Payload bytes in one 20 ms frame.</summary>
    public int FrameBytes => FrameSamples * BytesPerSample;

    /// <summary>The codec named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static StreamCodec? Find(string? name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when a stream's <c>start.mediaFormat</c> describes this codec.</summary>
    public bool Matches(string encoding, int sampleRate) =>
        sampleRate == SampleRate && encoding.StartsWith(Encoding, StringComparison.OrdinalIgnoreCase);

    /// <summary>Payload bytes → float samples.</summary>
    public void Decode(ReadOnlySpan<byte> payload, Span<float> samples)
    {
        if (BytesPerSample == 1)
        {
            MuLaw.Decode(payload, samples);
            return;
        }

        for (var i = 0; i < payload.Length / 2; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16BigEndian(payload[(2 * i)..]) / 32768f;
        }
    }

    /// <summary>Float samples → payload bytes.</summary>
    public void Encode(ReadOnlySpan<float> samples, Span<byte> payload)
    {
        if (BytesPerSample == 1)
        {
            MuLaw.Encode(samples, payload);
            return;
        }

        for (var i = 0; i < samples.Length; i++)
        {
            var value = Math.Clamp(MathF.Round(samples[i] * 32768f), short.MinValue, short.MaxValue);
            BinaryPrimitives.WriteInt16BigEndian(payload[(2 * i)..], (short)value);
        }
    }

    /// <summary>Fills a payload with silence in this codec.</summary>
    public void Silence(Span<byte> payload) => payload.Fill(BytesPerSample == 1 ? MuLaw.Silence : (byte)0);
}
