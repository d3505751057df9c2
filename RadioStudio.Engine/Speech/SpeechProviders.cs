using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Speech.Decorators;
using RadioStudio.Engine.Speech.ElevenLabs;
using RadioStudio.Engine.Speech.Espeak;
using RadioStudio.Engine.Speech.OpenAi;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.Speech.PocketSphinx;
using RadioStudio.Engine.Speech.Whisper;

namespace RadioStudio.Engine.Speech;

/// <summary>
/// The studio's speech clients, built from <see cref="SpeechToTextProviderOptions"/> and
/// <see cref="TextToSpeechProviderOptions"/>: the configured provider with a timeout and latency metrics, falling
/// back to the offline engine (pocketsphinx, espeak-ng), which is always there and built only once.
/// <see cref="Reconfigure"/> swaps both clients atomically at runtime (the settings page); a request already
/// running finishes on the clients it started with. The <see cref="ISpeechToText"/> and <see cref="ITextToSpeech"/>
/// services registered by <c>AddSpeech()</c> always forward to the current ones.
/// </summary>
public sealed class SpeechProviders : IDisposable
{
    /// <summary>Name of the IHttpClientFactory client the cloud providers use.</summary>
    public const string HttpClientName = "RadioStudio.Speech";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly SpeechMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly PocketSphinxSpeechToText _offlineRecognizer;
    private readonly ITextToSpeech _offlineVoice;
    private readonly LocalWhisper _whisper;
    private volatile Current _current;

    /// <summary>Builds the clients from the bound options.</summary>
    public SpeechProviders(
        IOptions<SpeechToTextProviderOptions> speechToText, IOptions<TextToSpeechProviderOptions> textToSpeech,
        IHttpClientFactory httpClientFactory, SpeechMetrics metrics, ILogger<SpeechProviders> logger, TimeProvider timeProvider,
        IOptions<StorageOptions>? storage = null)
    {
        ArgumentNullException.ThrowIfNull(speechToText);
        ArgumentNullException.ThrowIfNull(textToSpeech);
        _httpClientFactory = httpClientFactory;
        _metrics = metrics;
        _logger = logger;
        _time = timeProvider;
        _offlineRecognizer = new PocketSphinxSpeechToText();
        _whisper = new LocalWhisper(storage?.Value.FullPath, logger);
        _offlineVoice = ChooseOfflineVoice(NativeEngines.NativeEngineProbe.Current);
        _current = Build(speechToText.Value, textToSpeech.Value);
    }

    /// <summary>
    /// The offline voice: flite's voices are far easier to understand; espeak-ng stays as the fallback; with neither
    /// installed, a placeholder murmur keeps the show going (the studio says so at start).
    /// </summary>
    internal static ITextToSpeech ChooseOfflineVoice(NativeEngines.NativeEngineProbe probe) =>
        probe.HasExecutable(Flite.FliteTextToSpeech.DefaultExecutable) ? new Flite.FliteTextToSpeech()
        : probe.HasExecutable(EspeakTextToSpeech.DefaultExecutable) ? new EspeakTextToSpeech()
        : new Placeholder.PlaceholderTextToSpeech();

    /// <summary>The current speech-to-text client (decorated).</summary>
    public ISpeechToText SpeechToText => _current.SpeechToText;

    /// <summary>The current text-to-speech client (decorated).</summary>
    public ITextToSpeech TextToSpeech => _current.TextToSpeech;

    /// <summary>The local Whisper model in use, or why there is none.</summary>
    public WhisperModelStatus WhisperModel => _whisper.Status;

    /// <summary>The folder searched for Whisper models (<c>&lt;data&gt;/models</c>), or null without a data folder.</summary>
    public string? WhisperModelsFolder => _whisper.DataFolder is { } data ? Path.Combine(data, WhisperModelLocator.ModelsFolder) : null;

    /// <summary>The speech-to-text options in force.</summary>
    public SpeechToTextProviderOptions SpeechToTextOptions => _current.SpeechToTextOptions;

    /// <summary>The text-to-speech options in force.</summary>
    public TextToSpeechProviderOptions TextToSpeechOptions => _current.TextToSpeechOptions;

    /// <summary>Rebuilds both clients from new options and swaps them in at once.</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message names the key); nothing changes then.</exception>
    public void Reconfigure(SpeechToTextProviderOptions speechToText, TextToSpeechProviderOptions textToSpeech)
    {
        ArgumentNullException.ThrowIfNull(speechToText);
        ArgumentNullException.ThrowIfNull(textToSpeech);
        Validate(speechToText, SpeechToTextProviderOptions.SectionName);
        Validate(textToSpeech, TextToSpeechProviderOptions.SectionName);
        _current = Build(speechToText, textToSpeech);
    }

    /// <summary>
    /// Opens (and leaves pooled) a connection to each cloud speech host in force, through the very client its
    /// requests use, with an unauthenticated GET of the provider's model list whose answer is discarded: the first real request then skips the
    /// TCP and TLS handshakes. Failures are the caller's to ignore.
    /// </summary>
    public async Task WarmUpConnectionsAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        var targets = new List<Uri>();
        if (current.SpeechToTextOptions.Provider == "openai")
        {
            targets.Add(ModelsUri(current.SpeechToTextOptions.Endpoint, OpenAiSpeechToText.DefaultEndpoint, "/models"));
        }

        var tts = current.TextToSpeechOptions;
        if (tts.Provider == "openai")
        {
            targets.Add(ModelsUri(tts.Endpoint, OpenAiSpeechToText.DefaultEndpoint, "/models"));
        }
        else if (tts.Provider == "elevenlabs")
        {
            targets.Add(ModelsUri(tts.Endpoint, ElevenLabsTextToSpeech.DefaultEndpoint, "/v1/models"));
        }

        // One connection per host is enough: the requests of a turn follow one another.
        foreach (var target in targets.DistinctBy(t => t.GetLeftPart(UriPartial.Authority)))
        {
            using var response = await current.Http!.GetAsync(target, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }

        static Uri ModelsUri(string? endpoint, string fallback, string path) =>
            new((string.IsNullOrWhiteSpace(endpoint) ? fallback : endpoint).TrimEnd('/') + path);
    }

    /// <summary>Frees the offline recogniser.</summary>
    public void Dispose()
    {
        _offlineRecognizer.Dispose();
        _whisper.Dispose();
    }

    private Current Build(SpeechToTextProviderOptions sttOptions, TextToSpeechProviderOptions ttsOptions)
    {
        ISpeechToText offlineStt = _offlineRecognizer.WithMetrics(_metrics, _logger, _time);
        // One HTTP client per build, shared by the cloud recogniser and voice; none when nothing in force is a cloud.
        var http = sttOptions.Provider == "openai" || ttsOptions.Provider is "openai" or "elevenlabs"
            ? _httpClientFactory.CreateClient(HttpClientName)
            : null;

        // A local Whisper model (configured, or found in <data>/models) is the offline recogniser; pocketsphinx backs it up.
        var whisper = _whisper.Create(sttOptions, required: sttOptions.Provider == "whisper");
        if (whisper is not null)
        {
            offlineStt = whisper
                .WithTimeout(TimeSpan.FromSeconds(sttOptions.TimeoutSeconds), TimeSpan.FromSeconds(sttOptions.TimeoutSeconds * 3), _time)
                .WithMetrics(_metrics, _logger, _time)
                .WithFallback(offlineStt, _logger);
        }

        ITextToSpeech offlineTts = _offlineVoice.WithMetrics(_metrics, _logger, _time);

        var stt = sttOptions.Provider switch
        {
            "openai" => new OpenAiSpeechToText(sttOptions, http!)
                .WithTimeout(TimeSpan.FromSeconds(sttOptions.TimeoutSeconds), TimeSpan.FromSeconds(sttOptions.TimeoutSeconds), _time)
                .WithMetrics(_metrics, _logger, _time)
                .WithFallback(offlineStt, _logger),
            _ => offlineStt,
        };

        ITextToSpeech? cloudTts = ttsOptions.Provider switch
        {
            "openai" => new OpenAiTextToSpeech(ttsOptions, http!),
            "elevenlabs" => new ElevenLabsTextToSpeech(ttsOptions, http!),
            _ => null,
        };
        var tts = cloudTts is null
            ? offlineTts
            : cloudTts
                .WithTimeout(TimeSpan.FromSeconds(ttsOptions.TimeoutSeconds), TimeSpan.FromSeconds(ttsOptions.TimeoutSeconds * 6), _time)
                .WithMetrics(_metrics, _logger, _time)
                .WithFallback(offlineTts, _logger);
        return new Current(stt, tts, sttOptions, ttsOptions, http);
    }

    private static void Validate(object options, string sectionName)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new ArgumentException(string.Join("; ", results.Select(r => $"{sectionName}:{string.Join(",", r.MemberNames)} is invalid: {r.ErrorMessage}")), nameof(options));
        }
    }

    private sealed record Current(
        ISpeechToText SpeechToText, ITextToSpeech TextToSpeech,
        SpeechToTextProviderOptions SpeechToTextOptions, TextToSpeechProviderOptions TextToSpeechOptions, HttpClient? Http);
}
