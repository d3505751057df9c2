using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.Telephony;

namespace RadioStudio.Engine.Audio.Phone;

/// <summary>
/// One caller's return path: a 20 ms block of the caller's 48 kHz mix-minus feed is resampled to the
/// codec's rate by a <see cref="PolyphaseResampler"/>, whose low-pass (stopband from the codec's
/// Nyquist, 80 dB) is the anti-alias filter, then encoded to one stream frame. Stateful (filter
/// history) and not thread-safe: one instance per caller, called from one thread, allocation-free.
/// </summary>
public sealed class PhoneOutbound
{
    private readonly float[] _frame;
    private readonly PolyphaseResampler _downsampler;

    /// <summary>Creates the path for <paramref name="codec"/>.</summary>
    /// <exception cref="ArgumentException">48 kHz is not a whole multiple of the codec's rate, so blocks would not line up with frames.</exception>
    public PhoneOutbound(StreamCodec codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        if (AudioFormat.Studio.SampleRate % codec.SampleRate != 0)
        {
            throw new ArgumentException($"{codec.Name}: {AudioFormat.Studio.SampleRate} Hz is not a multiple of {codec.SampleRate} Hz.", nameof(codec));
        }

        Codec = codec;
        _frame = RealtimeMemory.Array<float>(codec.FrameSamples);
        _downsampler = new PolyphaseResampler(AudioFormat.Studio.SampleRate, codec.SampleRate);
    }

    /// <summary>The stream's codec.</summary>
    public StreamCodec Codec { get; }

    /// <summary>The anti-alias filter's group delay, in 48 kHz samples.</summary>
    public int DelaySamples => _downsampler.LatencyInputSamples;

    /// <summary>Encodes one 20 ms block (960 samples at 48 kHz) into one frame (160 bytes for μ-law).</summary>
    /// <returns>Bytes written: <see cref="StreamCodec.FrameBytes"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The block is not 20 ms, or the payload is shorter than one frame.</exception>
    public int Encode(ReadOnlySpan<float> block48k, Span<byte> payload)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(block48k.Length, AudioFormat.Studio.BlockSamples);
        ArgumentOutOfRangeException.ThrowIfLessThan(payload.Length, Codec.FrameBytes);

        // A whole decimation factor turns one block into exactly one frame, so nothing is carried over.
        _downsampler.Process(block48k, _frame);
        Codec.Encode(_frame, payload[..Codec.FrameBytes]);
        return Codec.FrameBytes;
    }
}
