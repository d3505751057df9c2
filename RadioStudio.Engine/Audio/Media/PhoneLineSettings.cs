namespace RadioStudio.Engine.Audio.Media;

/// <summary>The numbers behind a <see cref="PhoneLinePreset"/>.</summary>
/// <param name="LowHz">High-pass corner (4th-order Butterworth).</param>
/// <param name="HighHz">Low-pass corner (8th-order Butterworth).</param>
/// <param name="Drive">Saturation drive: y = tanh(drive·x)/drive, unity gain for small signals.</param>
/// <param name="NoiseRms">White line noise added before the band-pass (linear RMS; 0 = none).</param>
/// <param name="DropoutsPerSecond">Mean rate of dropouts (0 = none).</param>
internal readonly record struct PhoneLineSettings(double LowHz, double HighHz, double Drive, double NoiseRms, double DropoutsPerSecond)
{
    public static PhoneLineSettings For(PhoneLinePreset preset) => preset switch
    {
        PhoneLinePreset.Good => new(150, 7000, 1.1, 0, 0),
        PhoneLinePreset.Normal => new(300, 3400, 1.6, 0, 0),
        PhoneLinePreset.Bad => new(400, 2800, 3, 0.003, 0),
        PhoneLinePreset.Terrible => new(500, 2200, 6, 0.03, 0.5),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown phone-line preset."),
    };
}
