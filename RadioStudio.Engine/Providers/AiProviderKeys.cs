namespace RadioStudio.Engine.Providers;

/// <summary>Whether an API key is configured (environment or user-secrets) per provider kind; never the key itself.</summary>
/// <param name="Llm"><c>Llm__ApiKey</c> is set.</param>
/// <param name="SpeechToText"><c>SpeechToText__ApiKey</c> is set.</param>
/// <param name="TextToSpeech"><c>TextToSpeech__ApiKey</c> is set.</param>
public sealed record AiProviderKeys(bool Llm, bool SpeechToText, bool TextToSpeech);
