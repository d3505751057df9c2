using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;

namespace RadioStudio.Engine.Speech.OpenAi;

/// <summary>
/// Speech through an OpenAI-compatible <c>POST {endpoint}/audio/speech</c> with <c>response_format: "pcm"</c>
/// (raw 24 kHz signed 16-bit mono). The response is read as it arrives (headers first, then the body in pieces),
/// so the first chunk is yielded long before the speech is complete. Error statuses throw
/// <see cref="SpeechProviderException"/>.
/// </summary>
public sealed class OpenAiTextToSpeech : ITextToSpeech
{
    /// <summary>The rate of OpenAI's <c>pcm</c> format.</summary>
    public const int SampleRate = 24_000;

    /// <summary>The model used when none is configured.</summary>
    public const string DefaultModel = "gpt-4o-mini-tts";

    /// <summary>The voice used when a request names none.</summary>
    public const string DefaultVoice = "alloy";

    private static readonly VoiceInfo[] BuiltInVoices =
    [
        new("alloy", "Alloy", VoiceGender.Neutral),
        new("ash", "Ash", VoiceGender.Male),
        new("ballad", "Ballad", VoiceGender.Male),
        new("coral", "Coral", VoiceGender.Female),
        new("echo", "Echo", VoiceGender.Male),
        new("fable", "Fable", VoiceGender.Male),
        new("nova", "Nova", VoiceGender.Female),
        new("onyx", "Onyx", VoiceGender.Male),
        new("sage", "Sage", VoiceGender.Female),
        new("shimmer", "Shimmer", VoiceGender.Female),
    ];

    private readonly HttpClient _http;
    private readonly Uri _speechUri;
    private readonly string? _apiKey;
    private readonly string _model;

    /// <summary>Creates the client over <paramref name="http"/> (from IHttpClientFactory).</summary>
    public OpenAiTextToSpeech(TextToSpeechProviderOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        var endpoint = string.IsNullOrWhiteSpace(options.Endpoint) ? OpenAiSpeechToText.DefaultEndpoint : options.Endpoint;
        _speechUri = new Uri(endpoint.TrimEnd('/') + "/audio/speech");
        _apiKey = options.ApiKey;
        _model = string.IsNullOrWhiteSpace(options.Model) ? DefaultModel : options.Model;
        Info = new SpeechProviderInfo("openai", _model, IsOffline: false);
    }

    /// <inheritdoc />
    public SpeechProviderInfo Info { get; }

    /// <inheritdoc />
    public IReadOnlyList<VoiceInfo> Voices => BuiltInVoices;

    /// <inheritdoc />
    public async IAsyncEnumerable<SpeechAudioChunk> SynthesizeStreamingAsync(
        string text, TextToSpeechOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(options);
        var body = new JsonObject
        {
            ["model"] = options.Model ?? _model,
            ["input"] = text,
            ["voice"] = options.Voice ?? DefaultVoice,
            ["response_format"] = "pcm",
        };
        if (Math.Abs(options.Speed - 1f) > 0.001f)
        {
            body["speed"] = Math.Round(Math.Clamp(options.Speed, 0.25f, 4f), 2);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _speechUri)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (!string.IsNullOrEmpty(_apiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await HttpSpeechErrors.EnsureSuccessAsync(response, "OpenAI speech (" + _speechUri.Host + ")", cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var chunk in SpeechAudioFormat.ReadPcm16Async(stream, SampleRate, cancellationToken).ConfigureAwait(false))
            {
                yield return chunk;
            }
        }
    }
}
