using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.Telephony;

namespace RadioStudio.Engine.Audio.Phone;

/// <summary>
/// One caller's path into the studio: stream payloads are decoded (<see cref="StreamCodec"/>) into a
/// <see cref="JitterBuffer"/> on the network thread, and the audio clock pulls 20 ms blocks that are
/// upsampled to 48 kHz by a band-limited <see cref="PolyphaseResampler"/>. The resampler runs on
/// silence too, so its state stays continuous across priming and underruns (no click when audio
/// resumes). One producer thread calls <see cref="PushFrame"/>, one consumer calls <see cref="Read"/>;
/// each owns its own scratch frame, so neither allocates after construction.
/// </summary>
public sealed class PhoneInbound : IAudioSource
{
    private readonly float[] _decoded;
    private readonly float[] _frame;
    private readonly PolyphaseResampler _upsampler;

    /// <summary>Creates the path for <paramref name="codec"/>, with the jitter buffer's target and capacity in frames.</summary>
    /// <exception cref="ArgumentException">48 kHz is not a whole multiple of the codec's rate, so blocks would not line up with frames.</exception>
    public PhoneInbound(StreamCodec codec, int targetFrames = JitterBuffer.DefaultTargetFrames, int maxFrames = JitterBuffer.DefaultMaxFrames)
    {
        ArgumentNullException.ThrowIfNull(codec);
        if (Format.SampleRate % codec.SampleRate != 0)
        {
            throw new ArgumentException($"{codec.Name}: {Format.SampleRate} Hz is not a multiple of {codec.SampleRate} Hz.", nameof(codec));
        }

        Codec = codec;
        Jitter = new JitterBuffer(codec.FrameSamples, targetFrames, maxFrames);
        _decoded = RealtimeMemory.Array<float>(codec.FrameSamples);
        _frame = RealtimeMemory.Array<float>(codec.FrameSamples);
        _upsampler = new PolyphaseResampler(codec.SampleRate, Format.SampleRate);
    }

    /// <inheritdoc/>
    public AudioFormat Format => AudioFormat.Studio;

    /// <summary>The stream's codec.</summary>
    public StreamCodec Codec { get; }

    /// <summary>The jitter buffer, for its counters and current target.</summary>
    public JitterBuffer Jitter { get; }

    /// <summary>The resampler's group delay in 48 kHz samples; the jitter buffer adds its target in blocks.</summary>
    public int ResamplerDelaySamples => _upsampler.LatencyInputSamples * (Format.SampleRate / Codec.SampleRate);

    /// <summary>Decodes one 20 ms payload into the jitter buffer (network thread).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The payload is not one frame (<see cref="StreamCodec.FrameBytes"/>) or the sequence is negative.</exception>
    public void PushFrame(long sequence, ReadOnlySpan<byte> payload)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(payload.Length, Codec.FrameBytes);
        Codec.Decode(payload, _decoded);
        Jitter.Push(sequence, _decoded);
    }

    /// <summary>Fills <paramref name="buffer"/>, whole 20 ms blocks of 48 kHz audio or silence (audio thread).</summary>
    /// <returns>Always <paramref name="buffer"/>.Length: a live source never ends.</returns>
    /// <exception cref="ArgumentException">The length is not a whole number of 20 ms blocks.</exception>
    public int Read(Span<float> buffer)
    {
        var block = Format.BlockSamples;
        if (buffer.Length % block != 0)
        {
            throw new ArgumentException($"Read whole 20 ms blocks of {block} samples, not {buffer.Length}.", nameof(buffer));
        }

        for (var offset = 0; offset < buffer.Length; offset += block)
        {
            Jitter.Read(_frame);

            // An integer ratio turns one frame into exactly one block, so nothing is carried over.
            _upsampler.Process(_frame, buffer.Slice(offset, block));
        }

        return buffer.Length;
    }
}
