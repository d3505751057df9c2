namespace RadioStudio.Engine.Audio.Media;

/// <summary>How bad the simulated phone line is (see <see cref="PhoneLineFilter"/> for the numbers).</summary>
public enum PhoneLinePreset
{
    /// <summary>Wideband/HD voice: 150–7000 Hz, barely any saturation, no noise.</summary>
    Good,

    /// <summary>A classic PSTN line: 300–3400 Hz, gentle saturation, no noise.</summary>
    Normal,

    /// <summary>A poor line: 400–2800 Hz, more saturation, low hiss.</summary>
    Bad,

    /// <summary>A terrible mobile call: 500–2200 Hz, heavy saturation, audible hiss, occasional short dropouts.</summary>
    Terrible,
}
