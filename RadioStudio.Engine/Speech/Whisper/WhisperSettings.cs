namespace RadioStudio.Engine.Speech.Whisper;

/// <summary>Per-provider Whisper settings taken from <see cref="SpeechToTextProviderOptions"/>.</summary>
/// <param name="Language">ISO-639-1 language ("en"), or null/"auto" to detect (multilingual models only).</param>
/// <param name="Threads">CPU threads per transcription.</param>
/// <param name="FitAudioContext">Shrink the encoder's 30 s window to the segment (about 5× faster on short utterances).</param>
public sealed record WhisperSettings(string? Language, int Threads, bool FitAudioContext);
