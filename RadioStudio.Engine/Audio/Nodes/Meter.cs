namespace RadioStudio.Engine.Audio.Nodes;

/// <summary>
/// Measures blocks of audio: peak and RMS of the last block, plus a peak-hold that jumps up to any new
/// peak and then falls linearly at <see cref="PeakHoldDecayDbPerSecond"/> (no hold time: a 20 dB/s fall is
/// slow enough to read, and it keeps the rule to one line). One thread measures; readings are published
/// as packed 64-bit values, so any other thread reads them without a lock or a torn pair.
/// </summary>
public sealed class Meter
{
    /// <summary>How fast the peak-hold falls after a peak.</summary>
    public const float PeakHoldDecayDbPerSecond = 20f;

    private long _packedReading;
    private int _peakHoldBits;
    private float _peakHoldDb = MeterReading.FloorDb;

    /// <summary>Creates a meter reading silence.</summary>
    public Meter() => Publish(MeterReading.Silence, MeterReading.FloorDb);

    /// <summary>Peak and RMS of the last block measured (silence before the first); safe from any thread.</summary>
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

    /// <summary>Measures one block of <paramref name="seconds"/> of audio (the measuring thread only).</summary>
    /// <returns>The block's RMS as a linear amplitude (for speech detection without a second pass).</returns>
    public float Measure(ReadOnlySpan<float> block, double seconds)
    {
        if (block.IsEmpty)
        {
            return 0f;
        }

        var peak = 0f;
        var sumSquares = 0.0;
        foreach (var sample in block)
        {
            peak = Math.Max(peak, Math.Abs(sample));
            sumSquares += (double)sample * sample;
        }

        var rms = Math.Sqrt(sumSquares / block.Length);
        var reading = new MeterReading(MeterReading.ToDb(peak), MeterReading.ToDb(rms));
        var decayed = (float)Math.Max(MeterReading.FloorDb, _peakHoldDb - (PeakHoldDecayDbPerSecond * seconds));
        _peakHoldDb = Math.Max(reading.PeakDb, decayed);
        Publish(reading, _peakHoldDb);
        return (float)rms;
    }

    private void Publish(MeterReading reading, float peakHoldDb)
    {
        var packed = ((long)BitConverter.SingleToInt32Bits(reading.PeakDb) << 32) | (uint)BitConverter.SingleToInt32Bits(reading.RmsDb);
        Interlocked.Exchange(ref _packedReading, packed);
        Volatile.Write(ref _peakHoldBits, BitConverter.SingleToInt32Bits(peakHoldDb));
    }
}
