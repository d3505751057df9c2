namespace RadioStudio.Engine.Audio.Nodes;

/// <summary>
/// Passes a source through unchanged and measures each block with a <see cref="Meter"/> (peak, RMS and a
/// falling peak-hold), readable from any thread without a lock.
/// </summary>
public sealed class MeterTap : IAudioSource
{
    /// <summary>How fast the peak-hold falls after a peak.</summary>
    public const float PeakHoldDecayDbPerSecond = Meter.PeakHoldDecayDbPerSecond;

    private readonly IAudioSource _source;
    private readonly Meter _meter = new();

    /// <summary>Meters <paramref name="source"/>.</summary>
    public MeterTap(IAudioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <inheritdoc />
    public AudioFormat Format => _source.Format;

    /// <summary>Peak and RMS of the last block read (silence before the first); safe from any thread.</summary>
    public MeterReading Reading => _meter.Reading;

    /// <summary>Peak-hold level in dBFS; safe from any thread.</summary>
    public float PeakHoldDb => _meter.PeakHoldDb;

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        var read = _source.Read(buffer);
        if (read > 0)
        {
            _meter.Measure(buffer[..read], (double)read / Format.Channels / Format.SampleRate);
        }

        return read;
    }
}
