namespace RadioStudio.Engine.Speech;

/// <summary>Per-request transcription options; null fields take the provider's configuration.</summary>
/// <param name="Language">ISO-639-1 language hint ("en").</param>
/// <param name="Prompt">Context that helps spelling (caller names, show name).</param>
/// <param name="Model">Overrides the configured model.</param>
public sealed record SpeechToTextOptions(string? Language = null, string? Prompt = null, string? Model = null);
