namespace RadioStudio.Engine.Audio.Media;

/// <summary>
/// Makes a voice (an AI caller's TTS) sound like it comes down a phone line. Per sample:
/// optional white line noise (seeded xorshift, so a given seed always gives the same hiss) →
/// a 4th-order Butterworth high-pass and an 8th-order Butterworth low-pass (RBJ-cookbook biquads in
/// cascade) → soft saturation y = tanh(d·x)/d (unity gain for quiet signals, rounding off peaks harder as
/// d grows) → occasional dropouts (1 ms ramps) on the <see cref="PhoneLinePreset.Terrible"/> line.
/// <list type="table">
/// <item><term>Good</term><description>150–7000 Hz, d = 1.1, no noise.</description></item>
/// <item><term>Normal</term><description>300–3400 Hz, d = 1.6, no noise.</description></item>
/// <item><term>Bad</term><description>400–2800 Hz, d = 3, noise 0.003 RMS before the band-pass.</description></item>
/// <item><term>Terrible</term><description>500–2200 Hz, d = 6, noise 0.03 RMS, dropouts of 40–150 ms about every 2 s.</description></item>
/// </list>
/// <see cref="Preset"/> and <see cref="Enabled"/> may be set from any thread and take effect at the next block:
/// a preset change runs the old and the new filters side by side for one block (the new one starting from the
/// old one's state) and crossfades from one to the other while drive and noise ramp; turning the effect on or
/// off crossfades wet and dry over one block. Neither clicks. Before the first block both simply apply.
/// Mono only. <see cref="Read"/> does not allocate.
/// </summary>
public sealed class PhoneLineFilter : IAudioSource
{
    /// <summary>Order of the high-pass (two biquads).</summary>
    public const int HighPassOrder = 4;

    /// <summary>Order of the low-pass (four biquads).</summary>
    public const int LowPassOrder = 8;

    private const int ChunkSamples = 960;
    private const int DropoutRampSamples = 48;
    private const int MinDropoutSamples = 40 * 48;
    private const int DropoutSpreadSamples = 110 * 48;

    private static readonly PhoneLinePreset[] AllPresets = Enum.GetValues<PhoneLinePreset>();

    private readonly IAudioSource _source;
    private readonly Biquad[][] _presetCoefficients;
    private readonly PhoneLineSettings[] _presetSettings;
    private Biquad[] _sections;
    private Biquad[] _incoming;
    private readonly float[] _dry = RealtimeMemory.Array<float>(ChunkSamples);
    private volatile int _preset;
    private volatile bool _enabled = true;
    private int _appliedPreset;
    private bool _appliedEnabled = true;
    private bool _started;
    private PhoneLineSettings _settings;
    private uint _random;
    private int _dropoutRemaining;
    private double _dropoutGain = 1;

    /// <summary>Wraps a mono <paramref name="source"/>.</summary>
    /// <param name="source">The voice.</param>
    /// <param name="preset">The line to start with.</param>
    /// <param name="seed">Seed for noise and dropouts: equal seeds give equal output.</param>
    /// <exception cref="ArgumentException">The source is not mono.</exception>
    public PhoneLineFilter(IAudioSource source, PhoneLinePreset preset = PhoneLinePreset.Normal, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Format.Channels != 1)
        {
            throw new ArgumentException($"The phone-line filter is mono; the source has {source.Format.Channels} channels.", nameof(source));
        }

        _source = source;
        var rate = source.Format.SampleRate;
        var highPassQs = Biquad.ButterworthQs(HighPassOrder);
        var lowPassQs = Biquad.ButterworthQs(LowPassOrder);
        _presetSettings = AllPresets.Select(PhoneLineSettings.For).ToArray();
        _presetCoefficients = _presetSettings
            .Select(s => highPassQs.Select(q => Biquad.HighPass(s.LowHz, q, rate)).Concat(lowPassQs.Select(q => Biquad.LowPass(s.HighHz, q, rate))).ToArray())
            .ToArray();
        _sections = new Biquad[highPassQs.Length + lowPassQs.Length];
        _incoming = new Biquad[_sections.Length];
        _random = (uint)seed ^ 0x9E3779B9u;
        if (_random == 0)
        {
            _random = 1;
        }

        Preset = preset;
        SetCoefficients(_sections, (int)preset);
        _appliedPreset = (int)preset;
        _settings = _presetSettings[(int)preset];
    }

    /// <inheritdoc />
    public AudioFormat Format => _source.Format;

    /// <summary>The line; settable from any thread, applied at the next block without a click.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined preset.</exception>
    public PhoneLinePreset Preset
    {
        get => (PhoneLinePreset)_preset;
        set
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown phone-line preset.");
            }

            _preset = (int)value;
        }
    }

    /// <summary>False passes the source through untouched (after a one-block crossfade); settable from any thread.</summary>
    public bool Enabled { get => _enabled; set => _enabled = value; }

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        var read = _source.Read(buffer);
        for (var offset = 0; offset < read; offset += ChunkSamples)
        {
            Process(buffer.Slice(offset, Math.Min(ChunkSamples, read - offset)));
        }

        return read;
    }

    private void Process(Span<float> chunk)
    {
        var enabled = _enabled;
        if (!_started)
        {
            // Whatever was set before the first block applies from its first sample.
            _started = true;
            _appliedEnabled = enabled;
            _appliedPreset = _preset;
            SetCoefficients(_sections, _appliedPreset);
            _settings = _presetSettings[_appliedPreset];
        }

        if (!enabled && !_appliedEnabled)
        {
            return;
        }

        var toggling = enabled != _appliedEnabled;
        if (toggling)
        {
            chunk.CopyTo(_dry);
            if (enabled)
            {
                // Coming back from bypass: start from rest, not from state left over from long ago.
                foreach (ref var section in _sections.AsSpan())
                {
                    section.Reset();
                }
            }
        }

        var from = _settings;
        var preset = _preset;
        var switching = preset != _appliedPreset;
        if (switching)
        {
            // The new filters start from the old ones' state; both run this block and are crossfaded.
            _sections.CopyTo(_incoming.AsSpan());
            SetCoefficients(_incoming, preset);
            _appliedPreset = preset;
            _settings = _presetSettings[preset];
        }

        Filter(chunk, from, _settings, switching);
        if (switching)
        {
            (_sections, _incoming) = (_incoming, _sections);
        }

        if (toggling)
        {
            // Wet share rises (or falls) linearly and is exactly 1 (or 0) on the block's last sample.
            var dry = _dry.AsSpan(0, chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                var ramp = (float)(i + 1) / chunk.Length;
                var wet = enabled ? ramp : 1 - ramp;
                chunk[i] = (chunk[i] * wet) + (dry[i] * (1 - wet));
            }

            _appliedEnabled = enabled;
        }
    }

    private void Filter(Span<float> chunk, PhoneLineSettings from, PhoneLineSettings to, bool switching)
    {
        var sampleRate = Format.SampleRate;
        var dropoutChance = to.DropoutsPerSecond / sampleRate;
        var hasNoise = from.NoiseRms > 0 || to.NoiseRms > 0;
        for (var i = 0; i < chunk.Length; i++)
        {
            var t = (double)(i + 1) / chunk.Length;
            var drive = from.Drive + ((to.Drive - from.Drive) * t);
            double x = chunk[i];
            if (hasNoise)
            {
                // Uniform in [−½, ½) scaled by √12 has unit RMS.
                x += (from.NoiseRms + ((to.NoiseRms - from.NoiseRms) * t)) * (NextUniform() - 0.5) * 3.4641016151377544;
            }

            var filtered = Run(_sections, x);
            if (switching)
            {
                filtered += (Run(_incoming, x) - filtered) * t;
            }

            var y = Math.Tanh(drive * filtered) / drive;
            chunk[i] = (float)(y * Dropout(dropoutChance));
        }
    }

    private double Dropout(double chance)
    {
        if (_dropoutRemaining == 0 && chance > 0 && NextUniform() < chance)
        {
            _dropoutRemaining = MinDropoutSamples + (int)(NextUniform() * DropoutSpreadSamples);
        }

        var target = 1.0;
        if (_dropoutRemaining > 0)
        {
            _dropoutRemaining--;
            target = 0;
        }

        _dropoutGain = target > _dropoutGain
            ? Math.Min(target, _dropoutGain + (1.0 / DropoutRampSamples))
            : Math.Max(target, _dropoutGain - (1.0 / DropoutRampSamples));
        return _dropoutGain;
    }

    private static double Run(Biquad[] sections, double x)
    {
        foreach (ref var section in sections.AsSpan())
        {
            x = section.Process(x);
        }

        return x;
    }

    private void SetCoefficients(Biquad[] sections, int preset)
    {
        var coefficients = _presetCoefficients[preset];
        for (var i = 0; i < sections.Length; i++)
        {
            sections[i].SetCoefficients(coefficients[i]);
        }
    }

    // xorshift32: fast, allocation-free, and the same sequence on every runtime for a given seed.
    private double NextUniform()
    {
        var x = _random;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _random = x;
        return x / 4294967296.0;
    }
}
