namespace RadioStudio.Engine.Speech;

/// <summary>Per-request synthesis options.</summary>
/// <param name="Voice">A <see cref="VoiceInfo.Id"/> of the provider; null takes the configured default.</param>
/// <param name="Speed">Speaking rate, 1 = normal.</param>
/// <param name="Model">Overrides the configured model.</param>
public sealed record TextToSpeechOptions(string? Voice = null, float Speed = 1f, string? Model = null);
