using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Providers;

/// <summary>
/// Applies the host's AI provider choices: checked, saved through the studio (<c>ai.providers</c>), swapped in with
/// <see cref="LlmClients.Reconfigure"/> and <see cref="SpeechProviders.Reconfigure"/>, then the labels refreshed. Every
/// other option, the API keys above all, comes from the configuration. Started after the engine restored the saved
/// choices and before the AI director, so saved choices override appsettings.json from the first turn.
/// </summary>
public sealed class AiProviderSettings : IAiProviderSettings, IHostedService, IDisposable
{
    private readonly LlmClients _llm;
    private readonly SpeechProviders _speech;
    private readonly LlmModelCatalog _catalog;
    private readonly LlmOptions _llmConfig;
    private readonly SpeechToTextProviderOptions _sttConfig;
    private readonly TextToSpeechProviderOptions _ttsConfig;
    private readonly IStudioStore _store;
    private readonly IStudioControl _control;
    private readonly Func<CancellationToken, Task> _refreshLabels;
    private readonly ILogger<AiProviderSettings> _logger;
    private readonly SemaphoreSlim _applying = new(1, 1);
    private readonly ProviderKeyRing _keys = new();

    /// <summary>
    /// Uses the configured options for everything the host does not choose; <paramref name="refreshLabels"/> republishes
    /// the provider labels (the AI director's <c>RefreshProvidersAsync</c>).
    /// </summary>
    public AiProviderSettings(
        LlmClients llm,
        SpeechProviders speech,
        LlmModelCatalog catalog,
        IOptions<LlmOptions> llmConfig,
        IOptions<SpeechToTextProviderOptions> sttConfig,
        IOptions<TextToSpeechProviderOptions> ttsConfig,
        IStudioStore store,
        IStudioControl control,
        Func<CancellationToken, Task> refreshLabels,
        ILogger<AiProviderSettings> logger)
    {
        ArgumentNullException.ThrowIfNull(llmConfig);
        ArgumentNullException.ThrowIfNull(sttConfig);
        ArgumentNullException.ThrowIfNull(ttsConfig);
        _llm = llm;
        _speech = speech;
        _catalog = catalog;
        _llmConfig = llmConfig.Value;
        _sttConfig = sttConfig.Value;
        _ttsConfig = ttsConfig.Value;
        _store = store;
        _control = control;
        _refreshLabels = refreshLabels;
        _logger = logger;

        // Each configured key belongs to the endpoint it was configured with, and to nothing else.
        // A key configured without an endpoint is for the provider's own API (OpenAI's, or ElevenLabs' for voices).
        BindConfigured(LlmSection, _llmConfig.Provider, _llmConfig.Endpoint, _llmConfig.ApiKey, ["openai"]);
        BindConfigured(SttSection, _sttConfig.Provider, _sttConfig.Endpoint, _sttConfig.ApiKey, ["openai"]);
        BindConfigured(TtsSection, _ttsConfig.Provider, _ttsConfig.Endpoint, _ttsConfig.ApiKey, ["openai", "elevenlabs"]);
    }

    private const string LlmSection = "Llm";
    private const string SttSection = "SpeechToText";
    private const string TtsSection = "TextToSpeech";

    /// <inheritdoc />
    public AiProviderChoices Current
    {
        get
        {
            var llm = _llm.Options;
            var stt = _speech.SpeechToTextOptions;
            var tts = _speech.TextToSpeechOptions;
            return new AiProviderChoices(
                new LlmProviderChoice(llm.Provider.ToLowerInvariant(), Blank(llm.Endpoint), Blank(llm.Model), Blank(llm.UtilityModel)),
                new SpeechProviderChoice(stt.Provider, Blank(stt.Endpoint), Blank(stt.Model)),
                new SpeechProviderChoice(tts.Provider, Blank(tts.Endpoint), Blank(tts.Model)));
        }
    }

    /// <inheritdoc />
    public AiProviderKeys Keys => new(HasKey(_llmConfig.ApiKey), HasKey(_sttConfig.ApiKey), HasKey(_ttsConfig.ApiKey));

    /// <inheritdoc />
    public IReadOnlyList<VoiceInfo> Voices => _speech.TextToSpeech.Voices;

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListModelsAsync(string? endpoint, CancellationToken cancellationToken = default)
    {
        var url = Blank(endpoint);
        if (url is not null && !IsHttpUrl(url))
        {
            throw new LlmModelListException($"“{url}” is not an http(s) URL such as http://localhost:11434/v1.");
        }

        // Only the key given for this very endpoint goes with the request.
        return _catalog.ListModelsAsync(url, _keys.KeyFor(LlmSection, "openai", url), cancellationToken);
    }

    private void BindConfigured(string section, string provider, string? endpoint, string? key, string[] ownApis)
    {
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            _keys.Bind(section, provider, endpoint, key);
            return;
        }

        foreach (var api in ownApis.Contains(provider, StringComparer.OrdinalIgnoreCase) ? [provider] : ownApis)
        {
            _keys.Bind(section, api, null, key);
        }
    }

    /// <inheritdoc />
    public bool SetKey(string section, string provider, string? endpoint, string? key) =>
        section is LlmSection or SttSection or TtsSection && _keys.Bind(section, provider, Blank(endpoint), key);

    /// <inheritdoc />
    public bool HasKeyFor(string section, string provider, string? endpoint) => _keys.KeyFor(section, provider, Blank(endpoint)) is not null;

    /// <inheritdoc />
    public IReadOnlyList<string> Check(AiProviderChoices choices) => Build(Normalize(choices)).Problems;

    /// <inheritdoc />
    public async Task ApplyAsync(AiProviderChoices choices, CancellationToken cancellationToken = default)
    {
        var normalized = Normalize(choices);
        var built = Build(normalized);
        if (built.Problems.Count > 0)
        {
            throw new StudioCommandException("AI providers not changed: " + string.Join(" ", built.Problems));
        }

        await _applying.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Saved first: if the studio refuses to save, nothing has changed yet.
            await _control.SetAiProvidersAsync(normalized, cancellationToken).ConfigureAwait(false);
            _llm.Reconfigure(built.Llm);
            _speech.Reconfigure(built.SpeechToText, built.TextToSpeech);
            AiProviderSettingsLog.Applied(_logger, normalized.Llm.Provider, normalized.SpeechToText.Provider, normalized.TextToSpeech.Provider);
        }
        finally
        {
            _applying.Release();
        }

        await _refreshLabels(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the saved choices over the configuration (the engine restored them before this starts).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_store.Current.AiProviders is not { } saved)
        {
            return Task.CompletedTask;
        }

        var built = Build(Normalize(saved));
        if (built.Problems.Count > 0)
        {
            // A key removed from the environment since: keep appsettings.json's providers rather than fail the studio.
            AiProviderSettingsLog.SavedIgnored(_logger, string.Join(" ", built.Problems));
            return Task.CompletedTask;
        }

        _llm.Reconfigure(built.Llm);
        _speech.Reconfigure(built.SpeechToText, built.TextToSpeech);
        AiProviderSettingsLog.Restored(_logger, saved.Llm.Provider, saved.SpeechToText.Provider, saved.TextToSpeech.Provider);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose() => _applying.Dispose();

    private BuiltOptions Build(AiProviderChoices choices)
    {
        var problems = new List<string>();
        var llm = CopyLlm(choices.Llm);
        problems.AddRange(Validate(llm).Select(p => "LLM: " + p));

        var stt = new SpeechToTextProviderOptions
        {
            Provider = choices.SpeechToText.Provider,
            Endpoint = choices.SpeechToText.Endpoint,
            ApiKey = _keys.KeyFor(SttSection, choices.SpeechToText.Provider, choices.SpeechToText.Endpoint),
            Model = choices.SpeechToText.Model ?? _sttConfig.Model,
            Language = _sttConfig.Language,
            TimeoutSeconds = _sttConfig.TimeoutSeconds,
            ModelPath = _sttConfig.ModelPath,
            Threads = _sttConfig.Threads,
            MaxConcurrency = _sttConfig.MaxConcurrency,
            FitAudioContext = _sttConfig.FitAudioContext,
        };
        problems.AddRange(CheckSpeech(choices.SpeechToText, ["openai", "whisper", "offline"], stt.ApiKey, "SpeechToText").Select(p => "Speech-to-text: " + p));

        var tts = new TextToSpeechProviderOptions
        {
            Provider = choices.TextToSpeech.Provider,
            Endpoint = choices.TextToSpeech.Endpoint,
            ApiKey = _keys.KeyFor(TtsSection, choices.TextToSpeech.Provider, choices.TextToSpeech.Endpoint),
            Model = choices.TextToSpeech.Model ?? _ttsConfig.Model,
            TimeoutSeconds = _ttsConfig.TimeoutSeconds,
        };
        foreach (var voice in _ttsConfig.Voices)
        {
            tts.Voices.Add(voice);
        }

        problems.AddRange(CheckSpeech(choices.TextToSpeech, ["openai", "elevenlabs", "offline"], tts.ApiKey, "TextToSpeech").Select(p => "Text-to-speech: " + p));
        return new BuiltOptions(llm, stt, tts, problems);
    }

    private LlmOptions CopyLlm(LlmProviderChoice choice)
    {
        var options = new LlmOptions
        {
            Provider = choice.Provider,
            Endpoint = choice.Endpoint,
            ApiKey = _keys.KeyFor(LlmSection, choice.Provider, choice.Endpoint),
            Model = choice.Model,
            UtilityModel = choice.UtilityModel,
            TimeoutSeconds = _llmConfig.TimeoutSeconds,
            FirstTokenTimeoutSeconds = _llmConfig.FirstTokenTimeoutSeconds,
            MaxOutputTokens = _llmConfig.MaxOutputTokens,
            Temperature = _llmConfig.Temperature,
            OfflineScript = _llmConfig.OfflineScript,
            OfflineWordDelayMilliseconds = _llmConfig.OfflineWordDelayMilliseconds,
            ModelPath = _llmConfig.ModelPath,
            ContextSize = _llmConfig.ContextSize,
            Threads = _llmConfig.Threads,
            MaxConcurrency = _llmConfig.MaxConcurrency,
        };
        foreach (var model in _llmConfig.FallbackModels)
        {
            options.FallbackModels.Add(model);
        }

        return options;
    }

    private static IEnumerable<string> Validate(LlmOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.MemberNames.Contains(nameof(LlmOptions.Provider)) ? "choose openai, local or offline." : r.ErrorMessage + ".");
    }

    private static IEnumerable<string> CheckSpeech(SpeechProviderChoice choice, string[] providers, string? apiKey, string section)
    {
        if (!providers.Contains(choice.Provider, StringComparer.Ordinal))
        {
            yield return $"choose {string.Join(", ", providers.SkipLast(1))} or {providers[^1]}.";
            yield break;
        }

        if (choice.Endpoint is { } endpoint && !IsHttpUrl(endpoint))
        {
            yield return $"the endpoint “{endpoint}” is not an http(s) URL such as http://localhost:8000/v1.";
        }

        if (choice.Provider is not ("offline" or "whisper") && choice.Endpoint is null && !HasKey(apiKey))
        {
            yield return $"{choice.Provider} at its own address needs an API key: set the environment variable {section}__ApiKey or the user-secret {section}:ApiKey (never appsettings.json), or give the endpoint of a server that needs none.";
        }
    }

    private static AiProviderChoices Normalize(AiProviderChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return new AiProviderChoices(
            new LlmProviderChoice(Provider(choices.Llm?.Provider), Blank(choices.Llm?.Endpoint), Blank(choices.Llm?.Model), Blank(choices.Llm?.UtilityModel)),
            new SpeechProviderChoice(Provider(choices.SpeechToText?.Provider), Blank(choices.SpeechToText?.Endpoint), Blank(choices.SpeechToText?.Model)),
            new SpeechProviderChoice(Provider(choices.TextToSpeech?.Provider), Blank(choices.TextToSpeech?.Endpoint), Blank(choices.TextToSpeech?.Model)));
    }

    private static string Provider(string? provider) => (provider ?? "").Trim().ToLowerInvariant();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool HasKey(string? key) => !string.IsNullOrWhiteSpace(key);

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host);

    private sealed record BuiltOptions(LlmOptions Llm, SpeechToTextProviderOptions SpeechToText, TextToSpeechProviderOptions TextToSpeech, List<string> Problems);
}
