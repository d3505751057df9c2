namespace RadioStudio.Engine.Speech;

/// <summary>Which provider and model a client talks to.</summary>
/// <param name="Provider">"openai", "elevenlabs", "offline" …</param>
/// <param name="Model">Model or engine ("whisper-1", "espeak-ng").</param>
/// <param name="IsOffline">True for the embedded engines (shown as such in the UI).</param>
public sealed record SpeechProviderInfo(string Provider, string Model, bool IsOffline);
