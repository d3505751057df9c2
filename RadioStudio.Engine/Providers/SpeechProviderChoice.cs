namespace RadioStudio.Engine.Providers;

/// <summary>The speech-to-text or text-to-speech part of <see cref="AiProviderChoices"/>.</summary>
/// <param name="Provider"><c>openai</c>, <c>elevenlabs</c> (text-to-speech only) or <c>offline</c>.</param>
/// <param name="Endpoint">Base URL; null for the provider's own.</param>
/// <param name="Model">Model; null for the configured or the provider's default.</param>
public sealed record SpeechProviderChoice(string Provider, string? Endpoint, string? Model);
