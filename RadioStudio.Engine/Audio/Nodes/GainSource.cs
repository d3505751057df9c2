namespace RadioStudio.Engine.Audio.Nodes;

/// <summary>
/// Scales a source by a linear gain. <see cref="Gain"/> and <see cref="Muted"/> may be set from any thread;
/// the next block ramps linearly from the old gain to the new one, reaching it on its last frame, so a
/// change never steps (a step in gain is an audible click).
/// </summary>
public sealed class GainSource : IAudioSource
{
    private readonly IAudioSource _source;
    private volatile float _gain;
    private volatile bool _muted;
    private float _current;

    /// <summary>Wraps <paramref name="source"/> at <paramref name="gain"/>, which applies from the first sample.</summary>
    public GainSource(IAudioSource source, float gain = 1f)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        Gain = gain;
        _current = gain;
    }

    /// <inheritdoc />
    public AudioFormat Format => _source.Format;

    /// <summary>Linear gain (1 = unity), kept while muted.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public float Gain
    {
        get => _gain;
        set
        {
            if (!float.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Gain must be finite and not negative.");
            }

            _gain = value;
        }
    }

    /// <summary>Whether the output is silenced (ramped to zero over one block).</summary>
    public bool Muted
    {
        get => _muted;
        set => _muted = value;
    }

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        var read = _source.Read(buffer);
        var samples = buffer[..read];
        var target = _muted ? 0f : _gain;
        var start = _current;
        if (target == start)
        {
            if (start != 1f)
            {
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] *= start;
                }
            }

            return read;
        }

        var channels = Format.Channels;
        var frames = read / channels;
        if (frames == 0)
        {
            // Nothing to ramp across; keep the old gain so the next block still ramps.
            return read;
        }

        var delta = target - start;
        for (var i = 0; i < samples.Length; i++)
        {
            var frame = Math.Min((i / channels) + 1, frames);

            // The last frame takes the target itself so rounding never leaves the gain a hair off.
            samples[i] *= frame == frames ? target : start + (delta * frame / frames);
        }

        _current = target;
        return read;
    }
}
