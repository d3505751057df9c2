namespace RadioStudio.Engine.Speech.Vad;

/// <summary>Tuning of <see cref="SpeechEndpointer"/>; the defaults suit 16 kHz phone and microphone speech.</summary>
public sealed record EndpointerOptions
{
    /// <summary>Sample rate of the frames (Hz).</summary>
    public int SampleRate { get; init; } = 16_000;

    /// <summary>A frame must be this far above the noise floor (dB) to count as a speech onset.</summary>
    public double OnsetThresholdDb { get; init; } = 9;

    /// <summary>Once speech started, frames this far above the floor (dB) keep it going (hysteresis).</summary>
    public double ContinueThresholdDb { get; init; } = 6;

    /// <summary>Frames quieter than this (dBFS RMS) are never speech, whatever the floor (digital silence).</summary>
    public double MinimumSpeechLevelDb { get; init; } = -50;

    /// <summary>How long a run of loud frames must last before speech is confirmed.</summary>
    public TimeSpan OnsetConfirmation { get; init; } = TimeSpan.FromMilliseconds(80);

    /// <summary>Audio kept before the onset, so the first consonant is not clipped.</summary>
    public TimeSpan PreRoll { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Silence after speech that ends the turn.</summary>
    public TimeSpan TrailingSilence { get; init; } = TimeSpan.FromMilliseconds(700);

    /// <summary>Speech shorter than this (a click, a cough) is discarded.</summary>
    public TimeSpan MinimumSpeech { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A segment is cut at this length even if the speaker goes on.</summary>
    public TimeSpan MaximumSegment { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How fast the noise floor may rise while no speech is heard (dB per second); it falls at once.</summary>
    public double FloorRiseDbPerSecond { get; init; } = 3;

    /// <summary>
    /// A run of loud frames whose level stays within this range (dB, its first frame aside) is a steady sound
    /// (hum, a tone, hold music held on one note), not speech; speech rises and falls by more within a syllable.
    /// </summary>
    public double MinimumLevelVariationDb { get; init; } = 3;

    /// <summary>A steady loud run lasting this long is taken into the noise floor.</summary>
    public TimeSpan SteadySoundAbsorption { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Onset frames with fewer zero crossings per sample are mains hum or rumble, not speech.</summary>
    public double MinimumZeroCrossingRate { get; init; } = 0.01;

    /// <summary>Onset frames with more zero crossings per sample are hiss, not speech.</summary>
    public double MaximumZeroCrossingRate { get; init; } = 0.4;
}
