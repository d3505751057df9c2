using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using OpenAI;
using OpenAI.Audio;

namespace RadioStudio.Engine.Speech.OpenAi;

/// <summary>
/// Transcription through any OpenAI-compatible <c>/audio/transcriptions</c> endpoint (Whisper, gpt-4o-transcribe,
/// local Whisper servers) with the official OpenAI client. The segment is sent as a 16 kHz PCM16 WAV built in
/// memory; the answer is one final update. Whisper's well-known inventions on near-silence ("Thank you.",
/// "Thanks for watching!") are dropped when the segment is short or quiet. Failures throw (the fallback
/// decorator handles them); the client does not retry on its own, so a fallback is quick.
/// </summary>
public sealed class OpenAiSpeechToText : ISpeechToText
{
    /// <summary>Where requests go when no endpoint is configured.</summary>
    public const string DefaultEndpoint = "https://api.openai.com/v1";

    private static readonly TimeSpan ShortSegment = TimeSpan.FromSeconds(2);
    private const double QuietSegmentDb = -40;

    private static readonly HashSet<string> Hallucinations = new(StringComparer.OrdinalIgnoreCase)
    {
        "thank you", "thank you very much", "thanks for watching", "thank you for watching", "thanks",
        "you", "bye", "bye bye", "thank you so much", "please subscribe", "subtitles by the amaraorg community",
    };

    private readonly OpenAIClient _client;
    private readonly SpeechToTextProviderOptions _options;

    /// <summary>Creates the client; <paramref name="httpClient"/> (from IHttpClientFactory) carries the requests.</summary>
    public OpenAiSpeechToText(SpeechToTextProviderOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(string.IsNullOrWhiteSpace(options.Endpoint) ? DefaultEndpoint : options.Endpoint),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        if (httpClient is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(httpClient);
        }

        _client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey), clientOptions);
        Info = new SpeechProviderInfo("openai", options.Model, IsOffline: false);
    }

    /// <inheritdoc />
    public SpeechProviderInfo Info { get; }

    /// <inheritdoc />
    public async IAsyncEnumerable<SpeechToTextUpdate> TranscribeStreamingAsync(
        SpeechSegment segment, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        using var wav = new MemoryStream(SpeechAudioFormat.ToWav16k(segment), writable: false);
        var request = new AudioTranscriptionOptions
        {
            ResponseFormat = AudioTranscriptionFormat.Simple,
            Language = options?.Language ?? _options.Language,
            Prompt = options?.Prompt,
        };
        var audio = _client.GetAudioClient(options?.Model ?? _options.Model);
        var result = await audio.TranscribeAudioAsync(wav, "segment.wav", request, cancellationToken).ConfigureAwait(false);
        yield return new SpeechToTextUpdate(Clean(result.Value.Text, segment), IsFinal: true);
    }

    /// <summary>The text to keep: empty for blank answers and for silence hallucinations on short or quiet audio.</summary>
    internal static string Clean(string? text, SpeechSegment segment)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "";
        }

        var suspicious = segment.Duration < ShortSegment || SpeechAudioFormat.LevelDb(segment.Samples.Span) < QuietSegmentDb;
        return suspicious && Hallucinations.Contains(Normalize(trimmed)) ? "" : trimmed;
    }

    private static string Normalize(string text) =>
        string.Join(' ', new string([.. text.Where(c => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c))])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
