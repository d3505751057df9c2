using System.ComponentModel.DataAnnotations;

namespace RadioStudio.Engine.Llm;

/// <summary>
/// The <c>Llm</c> section. <see cref="Provider"/> <c>offline</c> (the default) plays the AI callers from a
/// script without any network; <c>openai</c> talks to any OpenAI-compatible endpoint (OpenAI, OpenRouter,
/// Ollama at <c>http://localhost:11434/v1</c>, LM Studio). The API key comes from the environment
/// (<c>Llm__ApiKey</c>) or user-secrets only, never from appsettings.json.
/// </summary>
public sealed class LlmOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Llm";

    /// <summary>The <see cref="Provider"/> value for any OpenAI-compatible endpoint.</summary>
    public const string OpenAiProvider = "openai";

    /// <summary>The <see cref="Provider"/> value for a local GGUF model run by llama.cpp (LLamaSharp).</summary>
    public const string LocalProvider = "local";

    /// <summary>The <see cref="Provider"/> value for the scripted offline caller.</summary>
    public const string OfflineProvider = "offline";

    /// <summary><c>openai</c>, <c>local</c> (a GGUF model on this machine) or <c>offline</c>.</summary>
    [Required, RegularExpression("^(?i:openai|local|offline)$", ErrorMessage = "use openai, local or offline")]
    public string Provider { get; set; } = OfflineProvider;

    /// <summary>Base URL including the version path (e.g. https://openrouter.ai/api/v1). Empty: api.openai.com.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Bearer key. Environment variable <c>Llm__ApiKey</c> or user-secrets only.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Model for the AI callers' dialogue.</summary>
    public string? Model { get; set; }

    /// <summary>Model for cheap tasks (should-respond, summaries, personas, screening). Empty: <see cref="Model"/>.</summary>
    public string? UtilityModel { get; set; }

    /// <summary>Models on the same endpoint tried in order when the primary one fails before answering.</summary>
    public IList<string> FallbackModels { get; } = [];

    /// <summary>Longest a whole call to one model may take, in seconds.</summary>
    [Range(1, 600)]
    public double TimeoutSeconds { get; set; } = 20;

    /// <summary>Longest wait for the first streamed token from one model, in seconds.</summary>
    [Range(0.1, 120)]
    public double FirstTokenTimeoutSeconds { get; set; } = 6;

    /// <summary>Upper bound on generated tokens when the caller does not set one.</summary>
    [Range(1, 32_768)]
    public int MaxOutputTokens { get; set; } = 300;

    /// <summary>Sampling temperature when the caller does not set one.</summary>
    [Range(0.0, 2.0)]
    public float Temperature { get; set; } = 0.9f;

    /// <summary>The offline script's data file, relative to the application directory.</summary>
    [Required, StringLength(260, MinimumLength = 1)]
    public string OfflineScript { get; set; } = "Llm/Data/offline-script.en-US.json";

    /// <summary>Pause between the offline caller's streamed words, in milliseconds (0: no pause).</summary>
    [Range(0, 2000)]
    public int OfflineWordDelayMilliseconds { get; set; } = 60;

    /// <summary>
    /// The local GGUF chat model (provider <c>local</c>); relative paths start at the data folder. Empty: the
    /// smallest <c>*.gguf</c> in the data folder's <c>models/</c>.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>Context window of the local model, in tokens (prompt and reply together).</summary>
    [Range(256, 131_072)]
    public int ContextSize { get; set; } = 4096;

    /// <summary>CPU threads the local model uses.</summary>
    [Range(1, 64)]
    public int Threads { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>Local-model replies that may be generated at once (each holds its own context).</summary>
    [Range(1, 8)]
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>True for a local GGUF model.</summary>
    public bool IsLocal => string.Equals(Provider, LocalProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the offline script answers everything.</summary>
    public bool IsOffline => string.Equals(Provider, OfflineProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>The dialogue model then the fallbacks, without repeats or blanks.</summary>
    public IReadOnlyList<string> DialogueModels => Chain(Model);

    /// <summary>The utility model (or the dialogue model) then the fallbacks, without repeats or blanks.</summary>
    public IReadOnlyList<string> UtilityModels => Chain(string.IsNullOrWhiteSpace(UtilityModel) ? Model : UtilityModel);

    /// <summary>An openai provider needs a model; api.openai.com also needs a key.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Endpoint)
            && !(Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint) && (endpoint.Scheme == Uri.UriSchemeHttp || endpoint.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("the endpoint is an http(s) URL such as http://localhost:11434/v1", [nameof(Endpoint)]);
        }

        if (IsOffline || IsLocal)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult("set the model for the openai provider (e.g. gpt-4o-mini, or llama3.2 on Ollama)", [nameof(Model)]);
        }

        if (string.IsNullOrWhiteSpace(Endpoint) && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult(
                "api.openai.com needs an API key: set the environment variable Llm__ApiKey or a user-secret (never appsettings.json)",
                [nameof(ApiKey)]);
        }

        if (FallbackModels.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("a fallback model name is blank", [nameof(FallbackModels)]);
        }
    }

    private List<string> Chain(string? first) =>
        [.. new[] { first }.Concat(FallbackModels).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m!.Trim()).Distinct(StringComparer.Ordinal)];
}
