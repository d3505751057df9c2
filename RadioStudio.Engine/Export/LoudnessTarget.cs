namespace RadioStudio.Engine.Export;

/// <summary>Spoken-word podcast delivery: −16 LUFS integrated (±1 LU), true peak at most −1 dBTP.</summary>
public static class LoudnessTarget
{
    /// <summary>Integrated loudness, LUFS.</summary>
    public const double Integrated = -16;

    /// <summary>The master limiter's true-peak ceiling: below −1 dBTP by a margin for the MP3 encoder's overshoot.</summary>
    public const double TruePeakAsked = -2;
}
