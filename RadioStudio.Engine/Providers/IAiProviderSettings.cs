using RadioStudio.Engine.Speech;

namespace RadioStudio.Engine.Providers;

/// <summary>
/// The settings page's view of the AI providers: what is in force, which keys are present, the models an
/// endpoint offers, and applying a new choice at once (saved, so it survives a restart).
/// </summary>
public interface IAiProviderSettings
{
    /// <summary>The choices in force now (saved ones, or appsettings.json's).</summary>
    AiProviderChoices Current { get; }

    /// <summary>Which API keys the configuration holds.</summary>
    AiProviderKeys Keys { get; }

    /// <summary>The voices of the text-to-speech provider in force.</summary>
    IReadOnlyList<VoiceInfo> Voices { get; }

    /// <summary>
    /// The model ids an OpenAI-compatible <paramref name="endpoint"/> lists (with the configured LLM key).
    /// Throws <see cref="Llm.LlmModelListException"/> with a message for the host when that fails.
    /// </summary>
    Task<IReadOnlyList<string>> ListModelsAsync(string? endpoint, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives the key for one endpoint (section <c>Llm</c>, <c>SpeechToText</c> or <c>TextToSpeech</c>): it is kept in
    /// memory, bound to that endpoint's scheme, host and port, and never sent anywhere else. Empty removes it.
    /// </summary>
    /// <returns>False when the endpoint is not an http(s) URL.</returns>
    bool SetKey(string section, string provider, string? endpoint, string? key);

    /// <summary>True when a key is bound to this endpoint (configured or given with <see cref="SetKey"/>).</summary>
    bool HasKeyFor(string section, string provider, string? endpoint);

    /// <summary>The problems that would refuse <paramref name="choices"/>; empty when they can be applied.</summary>
    IReadOnlyList<string> Check(AiProviderChoices choices);

    /// <summary>
    /// Checks, saves and applies <paramref name="choices"/> (API keys stay those of the configuration) and refreshes the
    /// provider labels. Throws <see cref="Studio.StudioCommandException"/> naming every problem, and changes nothing then.
    /// </summary>
    Task ApplyAsync(AiProviderChoices choices, CancellationToken cancellationToken = default);
}
