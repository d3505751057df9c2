namespace RadioStudio.Engine.Providers;

/// <summary>
/// The host's non-secret choice of AI providers, saved in the settings table (<c>ai.providers</c>) and applied over
/// appsettings.json at start. API keys are never part of it: they stay in the environment or user-secrets.
/// </summary>
/// <param name="Llm">The language model for the AI callers.</param>
/// <param name="SpeechToText">Who transcribes the host and phone callers.</param>
/// <param name="TextToSpeech">Who voices the AI callers.</param>
public sealed record AiProviderChoices(LlmProviderChoice Llm, SpeechProviderChoice SpeechToText, SpeechProviderChoice TextToSpeech);
