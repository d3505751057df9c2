namespace RadioStudio.Engine.Audio.Nodes;

/// <summary>
/// Passes a source through unchanged and measures each block: peak and RMS of the last block, plus a
/// peak-hold that jumps up to any new peak and then falls linearly at <see cref="PeakHoldDecayDbPerSecond"/>
/// (no hold time: a 20 dB/s fall is slow enough to read, and it keeps the rule to one line).
/// Readings are published as packed 64-bit values, so another thread reads them without a lock or a torn pair.
/// </summary>
public sealed class MeterTap : IAudioSource
{
    /// <summary>How fast the peak-hold falls after a peak.</summary>
    public const float PeakHoldDecayDbPerSecond = 20f;

    private readonly IAudioSource _source;
    private long _packedReading;
    private int _peakHoldBits;
    private float _peakHoldDb = MeterReading.FloorDb;

    /// <summary>Meters <paramref name="source"/>.</summary>
    public MeterTap(IAudioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        Publish(MeterReading.Silence, MeterReading.FloorDb);
    }

    /// <inheritdoc />
    public AudioFormat Format => _source.Format;

    /// <summary>Peak and RMS of the last block read (silence before the first); safe from any thread.</summary>
    public MeterReading Reading
    {
        get
        {
            var packed = Interlocked.Read(ref _packedReading);
            return new MeterReading(BitConverter.Int32BitsToSingle((int)(packed >> 32)), BitConverter.Int32BitsToSingle((int)packed));
        }
    }

    /// <summary>Peak-hold level in dBFS; safe from any thread.</summary>
    public float PeakHoldDb => BitConverter.Int32BitsToSingle(Volatile.Read(ref _peakHoldBits));

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        var read = _source.Read(buffer);
        if (read == 0)
        {
            return 0;
        }

        var peak = 0f;
        var sumSquares = 0.0;
        foreach (var sample in buffer[..read])
        {
            peak = Math.Max(peak, Math.Abs(sample));
            sumSquares += (double)sample * sample;
        }

        var reading = new MeterReading(MeterReading.ToDb(peak), MeterReading.ToDb(Math.Sqrt(sumSquares / read)));
        var seconds = (double)read / Format.Channels / Format.SampleRate;
        var decayed = (float)Math.Max(MeterReading.FloorDb, _peakHoldDb - (PeakHoldDecayDbPerSecond * seconds));
        _peakHoldDb = Math.Max(reading.PeakDb, decayed);
        Publish(reading, _peakHoldDb);
        return read;
    }

    private void Publish(MeterReading reading, float peakHoldDb)
    {
        var packed = ((long)BitConverter.SingleToInt32Bits(reading.PeakDb) << 32) | (uint)BitConverter.SingleToInt32Bits(reading.RmsDb);
        Interlocked.Exchange(ref _packedReading, packed);
        Volatile.Write(ref _peakHoldBits, BitConverter.SingleToInt32Bits(peakHoldDb));
    }
}
