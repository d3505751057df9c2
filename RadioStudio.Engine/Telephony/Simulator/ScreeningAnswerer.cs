namespace RadioStudio.Engine.Telephony.Simulator;

/// <summary>
/// Lets a simulated caller play its part with a screener: it listens to what the studio sends, and when it has
/// heard speech (a frame louder than <see cref="SpeechThresholdDb"/>, well above ducked hold music) followed by
/// <see cref="QuietAfter"/> of quiet, it answers with its next scripted utterance (its name, then its topic…).
/// The receive loop calls <see cref="OnReceived"/>, the send loop <see cref="TryFill"/>.
/// </summary>
public sealed class ScreeningAnswerer
{
    private readonly Lock _gate = new();
    private readonly StreamCodec _codec;
    private readonly byte[][] _answers;
    private readonly float[] _scratch;
    private byte[]? _current;
    private int _position;
    private int _next;
    private bool _heardSpeech;
    private int _quietSamples;
    private long _everQuiet;

    /// <summary>Answers with <paramref name="answers"/> (8 kHz mono, in order) in <paramref name="codec"/>.</summary>
    public ScreeningAnswerer(IReadOnlyList<float[]> answers, StreamCodec codec)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(codec);
        _codec = codec;
        _answers = [.. answers.Select(Encode)];
        _scratch = new float[codec.FrameSamples * 4];
    }

    /// <summary>A frame at least this loud (dBFS RMS) is the screener talking.</summary>
    public double SpeechThresholdDb { get; init; } = -35;

    /// <summary>Quiet after the screener's speech before the caller answers.</summary>
    public TimeSpan QuietAfter { get; init; } = TimeSpan.FromMilliseconds(600);

    /// <summary>Quiet the caller must have heard (since the call began) before a loud sound counts as the screener talking.</summary>
    public TimeSpan QuietBefore { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Answers started so far.</summary>
    public int Answered
    {
        get
        {
            lock (_gate)
            {
                return _next;
            }
        }
    }

    /// <summary>A frame the studio sent (what the caller hears).</summary>
    public void OnReceived(ReadOnlySpan<byte> payload)
    {
        var samples = _scratch.AsSpan(0, Math.Min(_scratch.Length, payload.Length / _codec.BytesPerSample));
        _codec.Decode(payload[..(samples.Length * _codec.BytesPerSample)], samples);
        double sum = 0;
        foreach (var sample in samples)
        {
            sum += sample * sample;
        }

        var db = samples.IsEmpty || sum <= 1e-12 ? -120 : 10 * Math.Log10(sum / samples.Length);
        lock (_gate)
        {
            if (_current is not null)
            {
                return; // talking: not listening
            }

            if (db >= SpeechThresholdDb)
            {
                // Only sound that came after a quiet spell is a question: the hold music a call starts with, loud
                // from the first frame until the screener ducks it, is not.
                _heardSpeech |= _everQuiet >= QuietBefore.TotalSeconds * _codec.SampleRate;
                _quietSamples = 0;
                return;
            }

            _everQuiet += samples.Length;
            if (_heardSpeech && (_quietSamples += samples.Length) >= QuietAfter.TotalSeconds * _codec.SampleRate && _next < _answers.Length)
            {
                (_current, _position, _heardSpeech) = (_answers[_next++], 0, false);
            }
        }
    }

    /// <summary>Fills the caller's next frame with the answer being spoken; false when not answering.</summary>
    public bool TryFill(Span<byte> frame)
    {
        lock (_gate)
        {
            if (_current is null)
            {
                return false;
            }

            var take = Math.Min(frame.Length, _current.Length - _position);
            _current.AsSpan(_position, take).CopyTo(frame);
            _codec.Silence(frame[take..]);
            _position += take;
            if (_position >= _current.Length)
            {
                _current = null;
            }

            return true;
        }
    }

    private byte[] Encode(float[] audio)
    {
        var resampled = _codec.SampleRate == 8000 ? audio : Audio.Nodes.PolyphaseResampler.ResampleAll(audio, 8000, _codec.SampleRate);
        var bytes = new byte[resampled.Length * _codec.BytesPerSample];
        _codec.Encode(resampled, bytes);
        return bytes;
    }
}
