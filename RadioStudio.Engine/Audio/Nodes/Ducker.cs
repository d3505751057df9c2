namespace RadioStudio.Engine.Audio.Nodes;

/// <summary>
/// Dips music under speech. The sidechain is a flag, <see cref="SpeechActive"/>, set from any thread by
/// whatever detects speech (VAD, push-to-talk, a caller going on air): a flag keeps this node from reading
/// a key source that some other node also reads. While active and <see cref="Enabled"/>, the gain moves to
/// <see cref="DepthDb"/> over <see cref="Attack"/>, and back to 0 dB over <see cref="Release"/>; both
/// fades are linear in dB, which sounds even where a linear-amplitude fade seems to drop at its end.
/// Frame k of a fade has gain k/N of the way (in dB), so frame N is exactly at the target.
/// </summary>
public sealed class Ducker : IAudioSource
{
    /// <summary>Default dip under speech.</summary>
    public const float DefaultDepthDb = -12f;

    /// <summary>Default attack and release.</summary>
    public static readonly TimeSpan DefaultFade = TimeSpan.FromMilliseconds(500);

    // Snaps the accumulated fade position to its end so rounding cannot leave it a hair short.
    private const double Snap = 1e-9;

    private readonly IAudioSource _source;
    private volatile bool _speechActive;
    private volatile bool _enabled = true;
    private volatile float _depthDb;
    private volatile int _attackFrames;
    private volatile int _releaseFrames;

    // 0 = unity, 1 = fully ducked; only the audio thread touches it.
    private double _amount;

    /// <summary>Wraps <paramref name="music"/>; defaults are −12 dB with 0.5 s fades.</summary>
    public Ducker(IAudioSource music, float depthDb = DefaultDepthDb, TimeSpan? attack = null, TimeSpan? release = null)
    {
        ArgumentNullException.ThrowIfNull(music);
        _source = music;
        DepthDb = depthDb;
        Attack = attack ?? DefaultFade;
        Release = release ?? DefaultFade;
    }

    /// <inheritdoc />
    public AudioFormat Format => _source.Format;

    /// <summary>The sidechain: true while someone speaks. Settable from any thread; read once per block.</summary>
    public bool SpeechActive { get => _speechActive; set => _speechActive = value; }

    /// <summary>When false the music releases to (and stays at) 0 dB.</summary>
    public bool Enabled { get => _enabled; set => _enabled = value; }

    /// <summary>Gain under speech in dB (≤ 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Positive or not finite.</exception>
    public float DepthDb
    {
        get => _depthDb;
        set
        {
            if (!float.IsFinite(value) || value > 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Depth must be finite and at most 0 dB.");
            }

            _depthDb = value;
        }
    }

    /// <summary>Time from 0 dB to <see cref="DepthDb"/>.</summary>
    public TimeSpan Attack { get => ToTime(_attackFrames); set => _attackFrames = ToFrames(value); }

    /// <summary>Time from <see cref="DepthDb"/> back to 0 dB.</summary>
    public TimeSpan Release { get => ToTime(_releaseFrames); set => _releaseFrames = ToFrames(value); }

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        var read = _source.Read(buffer);
        var samples = buffer[..read];
        double target = _enabled && _speechActive ? 1 : 0;
        var depth = _depthDb;
        if (_amount == target)
        {
            // Steady: one gain for the block, and untouched samples at unity.
            if (_amount != 0)
            {
                var gain = Gain(_amount, depth);
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] *= gain;
                }
            }

            return read;
        }

        var step = target > _amount ? StepOf(_attackFrames) : -StepOf(_releaseFrames);
        var channels = Format.Channels;
        for (var frame = 0; frame < samples.Length; frame += channels)
        {
            var gain = Gain(_amount, depth);
            for (var c = frame; c < Math.Min(frame + channels, samples.Length); c++)
            {
                samples[c] *= gain;
            }

            _amount += step;
            if (Math.Abs(_amount - target) < Snap || (step > 0 ? _amount > target : _amount < target))
            {
                _amount = target;
                step = 0;
            }
        }

        return read;
    }

    private static float Gain(double amount, float depthDb) => amount == 0 ? 1f : (float)Math.Pow(10, amount * depthDb / 20);

    private static double StepOf(int frames) => frames == 0 ? 1 : 1.0 / frames;

    private int ToFrames(TimeSpan time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(time, TimeSpan.Zero);
        return checked((int)(time.Ticks * Format.SampleRate / TimeSpan.TicksPerSecond));
    }

    private TimeSpan ToTime(int frames) => TimeSpan.FromTicks(frames * TimeSpan.TicksPerSecond / Format.SampleRate);
}
