namespace RadioStudio.Engine.Export;

/// <summary>Spoken-word podcast delivery: −16 LUFS integrated (±1 LU), true peak at most −1 dBTP.</summary>
public static class LoudnessTarget
{
    /// <summary>Integrated loudness, LUFS.</summary>
    public const double Integrated = -16;

    /// <summary>
    /// What the gain passes aim the lossless master at: 0.2 LU above <see cref="Integrated"/>, because LAME's MP3 at
    /// 128 kb/s measures 0.2–0.4 LU below its source; the FLAC lands near −15.8 and the MP3 near −16.1, both well
    /// inside ±1 LU.
    /// </summary>
    public const double MasterAim = -15.8;

    /// <summary>The master limiter's true-peak ceiling: below −1 dBTP by a margin for the MP3 encoder's overshoot.</summary>
    public const double TruePeakAsked = -2;
}
