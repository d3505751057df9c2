using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Media;
using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.Telephony;

namespace RadioStudio.Engine.Screening;

/// <summary>
/// The AI screener's audio on one holding line, and only that line: its voice is mixed into the line's hold
/// frame (hold music faded to <see cref="ScreeningOptions.HoldDuckDb"/> while <see cref="Ducked"/>), and the
/// caller's inbound audio is kept for the screener's listener except while the screener speaks and for an echo
/// tail after it, so it never answers its own voice. <see cref="Cut"/> silences the voice from the next block.
/// Voice is appended off the audio thread (resampled there to the line's rate); the clock thread only copies.
/// </summary>
public sealed class ScreenerLineAudio : IHoldOverlay
{
    private const double RampSeconds = 0.3;
    private readonly StreamCodec _codec;
    private readonly SampleRing _voice;
    private readonly SampleRing _heard;
    private readonly float[] _frame;
    private readonly float[] _voiceFrame;
    private readonly float _duckGain;
    private readonly float _rampStep;
    private readonly long _tailSamples;
    private PolyphaseResampler? _resampler;
    private float _gain = 1f;
    private long _quietSince;
    private long _position;
    private volatile bool _cut;
    private volatile bool _ducked;

    /// <summary>Creates the audio for a line in <paramref name="codec"/>.</summary>
    public ScreenerLineAudio(StreamCodec codec, double duckDb, TimeSpan echoTail)
    {
        ArgumentNullException.ThrowIfNull(codec);
        _codec = codec;
        _voice = new SampleRing(codec.SampleRate * 30);
        _heard = new SampleRing(AudioFormat.Studio.SampleRate * 4);
        _frame = RealtimeMemory.Array<float>(codec.FrameSamples);
        _voiceFrame = RealtimeMemory.Array<float>(codec.FrameSamples);
        _duckGain = (float)Math.Pow(10, duckDb / 20);
        _rampStep = (float)(1.0 / (RampSeconds * codec.SampleRate));
        _tailSamples = (long)(echoTail.TotalSeconds * codec.SampleRate);
        _quietSince = -_tailSamples;
    }

    /// <summary>Hold music faded down (the screener and the caller are talking).</summary>
    public bool Ducked
    {
        get => _ducked;
        set => _ducked = value;
    }

    /// <summary>True while voice is queued or playing, or within the echo tail after it.</summary>
    public bool Speaking => _voice.Count > 0 || Volatile.Read(ref _position) - Volatile.Read(ref _quietSince) < _tailSamples;

    /// <summary>Voice samples (line rate) the caller has been sent.</summary>
    public long VoiceSamplesPlayed { get; private set; }

    /// <summary>Caller blocks (48 kHz) kept for listening, read with <see cref="ReadHeard"/>.</summary>
    public int HeardAvailable => _heard.Count;

    /// <summary>Queues screener speech (any rate) for this caller; ignored after <see cref="Cut"/>.</summary>
    public void Append(ReadOnlySpan<float> samples, int sampleRate)
    {
        if (_cut || samples.IsEmpty)
        {
            return;
        }

        if (sampleRate == _codec.SampleRate)
        {
            _voice.Write(samples);
            return;
        }

        if (_resampler is null || _resampler.InputRate != sampleRate)
        {
            _resampler = new PolyphaseResampler(sampleRate, _codec.SampleRate);
        }

        var output = new float[_resampler.MaxOutputFor(samples.Length)];
        var produced = _resampler.Process(samples, output);
        _voice.Write(output.AsSpan(0, produced));
    }

    /// <summary>Stops the screener's voice from the next block, for good (the host took the caller or a human took over).</summary>
    public void Cut()
    {
        _cut = true;
        _ducked = false;
    }

    /// <summary>Moves what the caller said (48 kHz) into <paramref name="destination"/>; returns how many samples.</summary>
    public int ReadHeard(Span<float> destination) => _heard.Read(destination);

    /// <inheritdoc />
    public void Overlay(Span<byte> frame)
    {
        var samples = _frame.AsSpan(0, frame.Length / _codec.BytesPerSample);
        _codec.Decode(frame, samples);
        var target = _ducked ? _duckGain : 1f;
        var voice = _voiceFrame.AsSpan(0, samples.Length);
        var count = _voice.Read(voice);
        if (_cut)
        {
            while (_voice.Read(voice) > 0)
            {
                // Drop everything queued: nothing the screener said reaches the caller after a cut.
            }

            count = 0;
        }

        for (var i = 0; i < samples.Length; i++)
        {
            _gain = _gain < target ? Math.Min(target, _gain + _rampStep) : Math.Max(target, _gain - _rampStep);
            samples[i] = Math.Clamp((samples[i] * _gain) + (i < count ? voice[i] : 0f), -1f, 1f);
        }

        VoiceSamplesPlayed += count;
        var position = _position + samples.Length;
        if (count > 0)
        {
            Volatile.Write(ref _quietSince, position);
        }

        Volatile.Write(ref _position, position);
        _codec.Encode(samples, frame);
    }

    /// <inheritdoc />
    public void Hear(ReadOnlySpan<float> block)
    {
        if (!Speaking && !_cut)
        {
            _heard.Write(block);
        }
    }
}
