namespace RadioStudio.Engine.Speech.Vad;

/// <summary>What one frame fed to <see cref="SpeechEndpointer.Process"/> changed.</summary>
public enum EndpointerEvent
{
    /// <summary>Nothing changed.</summary>
    None,

    /// <summary>Speech was confirmed (onset confirmation passed); a caller may duck or barge in.</summary>
    SpeechStarted,

    /// <summary>The turn ended (trailing silence or maximum length); <see cref="SpeechEndpointer.TakeSegment"/> has the audio.</summary>
    SpeechEnded,

    /// <summary>What started was shorter than the minimum speech length and was thrown away (no segment).</summary>
    SpeechDiscarded,
}
