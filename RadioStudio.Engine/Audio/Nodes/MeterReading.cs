namespace RadioStudio.Engine.Audio.Nodes;

/// <summary>Level of one block in dBFS (0 dB = full scale), floored at <see cref="FloorDb"/>.</summary>
/// <param name="PeakDb">Largest absolute sample value, in dBFS.</param>
/// <param name="RmsDb">Root mean square, in dBFS (a full-scale sine reads −3.01 dB).</param>
public readonly record struct MeterReading(float PeakDb, float RmsDb)
{
    /// <summary>What silence reads: a finite floor keeps meters and arithmetic free of −∞.</summary>
    public const float FloorDb = -120f;

    /// <summary>The reading of silence.</summary>
    public static MeterReading Silence { get; } = new(FloorDb, FloorDb);

    /// <summary>Converts a linear amplitude to dBFS, floored at <see cref="FloorDb"/>.</summary>
    public static float ToDb(double amplitude) =>
        amplitude <= 0 ? FloorDb : (float)Math.Max(FloorDb, 20 * Math.Log10(amplitude));
}
