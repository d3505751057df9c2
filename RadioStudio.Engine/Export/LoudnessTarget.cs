namespace RadioStudio.Engine.Export;

/// <summary>Spoken-word podcast delivery: −16 LUFS integrated (±1 LU), true peak at most −1 dBTP.</summary>
public static class LoudnessTarget
{
    /// <summary>Integrated loudness, LUFS.</summary>
    public const double Integrated = -16;

    /// <summary>The true-peak ceiling asked of ffmpeg: below −1 dBTP by a margin for the MP3 encoder's overshoot.</summary>
    public const double TruePeakAsked = -2;

    /// <summary>Loudness range, LU (loudnorm's default for speech).</summary>
    public const double Range = 11;
}
