using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;

namespace RadioStudio.Engine.Speech.ElevenLabs;

/// <summary>
/// ElevenLabs streaming speech: <c>POST {endpoint}/v1/text-to-speech/{voiceId}/stream?output_format=pcm_24000</c>
/// with the <c>xi-api-key</c> header and <c>{text, model_id}</c>; the raw 24 kHz PCM16 body is yielded as it
/// arrives. Voices come from <see cref="TextToSpeechProviderOptions.Voices"/> (<c>id|name|gender</c>) or, when
/// none are configured, ElevenLabs' premade voices.
/// </summary>
public sealed class ElevenLabsTextToSpeech : ITextToSpeech
{
    /// <summary>Where requests go when no endpoint is configured.</summary>
    public const string DefaultEndpoint = "https://api.elevenlabs.io";

    /// <summary>The model used when none is configured (the low-latency one).</summary>
    public const string DefaultModel = "eleven_flash_v2_5";

    /// <summary>The rate requested with <c>output_format=pcm_24000</c>.</summary>
    public const int SampleRate = 24_000;

    private static readonly VoiceInfo[] PremadeVoices =
    [
        new("21m00Tcm4TlvDq8ikWAM", "Rachel", VoiceGender.Female),
        new("EXAVITQu4vr4xnSDxGBB", "Sarah", VoiceGender.Female),
        new("AZnzlk1XvdvUeBnXmlld", "Domi", VoiceGender.Female),
        new("MF3mGyEYCl7XYWbV9V6O", "Elli", VoiceGender.Female),
        new("pNInz6obpgDQGcFmaJgB", "Adam", VoiceGender.Male),
        new("ErXwobaYiN019PkySvjV", "Antoni", VoiceGender.Male),
        new("TxGEqnHWrfWFTfGW9XjX", "Josh", VoiceGender.Male),
        new("VR6AewLTigWG4xSOukaG", "Arnold", VoiceGender.Male),
        new("yoZ06aMxZJJ28mfd3POQ", "Sam", VoiceGender.Male),
    ];

    private readonly HttpClient _http;
    private readonly string _endpoint;
    private readonly string? _apiKey;
    private readonly string _model;

    /// <summary>Creates the client over <paramref name="http"/> (from IHttpClientFactory).</summary>
    /// <exception cref="ArgumentException">A configured voice is not <c>id|name|gender</c>.</exception>
    public ElevenLabsTextToSpeech(TextToSpeechProviderOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _endpoint = (string.IsNullOrWhiteSpace(options.Endpoint) ? DefaultEndpoint : options.Endpoint).TrimEnd('/');
        _apiKey = options.ApiKey;
        _model = string.IsNullOrWhiteSpace(options.Model) ? DefaultModel : options.Model;
        Voices = options.Voices.Count == 0 ? PremadeVoices : [.. options.Voices.Select(ParseVoice)];
        Info = new SpeechProviderInfo("elevenlabs", _model, IsOffline: false);
    }

    /// <inheritdoc />
    public SpeechProviderInfo Info { get; }

    /// <inheritdoc />
    public IReadOnlyList<VoiceInfo> Voices { get; }

    /// <summary>Parses <c>id|name|gender</c> (name and gender optional).</summary>
    /// <exception cref="ArgumentException">The id is empty or the gender unknown.</exception>
    public static VoiceInfo ParseVoice(string configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var parts = configured.Split('|', StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0)
        {
            throw new ArgumentException($"TextToSpeech:Voices entry '{configured}' has no voice id (expected id|name|gender).", nameof(configured));
        }

        var name = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : parts[0];
        var gender = VoiceGender.Neutral;
        if (parts.Length > 2 && parts[2].Length > 0 && !Enum.TryParse(parts[2], ignoreCase: true, out gender))
        {
            throw new ArgumentException($"TextToSpeech:Voices entry '{configured}' has gender '{parts[2]}' (expected male, female or neutral).", nameof(configured));
        }

        return new VoiceInfo(parts[0], name, gender);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SpeechAudioChunk> SynthesizeStreamingAsync(
        string text, TextToSpeechOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(options);
        var voice = options.Voice ?? Voices[0].Id;
        var uri = new Uri($"{_endpoint}/v1/text-to-speech/{Uri.EscapeDataString(voice)}/stream?output_format=pcm_24000");
        var body = new JsonObject { ["text"] = text, ["model_id"] = options.Model ?? _model };
        if (Math.Abs(options.Speed - 1f) > 0.001f)
        {
            body["voice_settings"] = new JsonObject { ["speed"] = Math.Round(Math.Clamp(options.Speed, 0.7f, 1.2f), 2) };
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (!string.IsNullOrEmpty(_apiKey))
        {
            request.Headers.Add("xi-api-key", _apiKey);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await HttpSpeechErrors.EnsureSuccessAsync(response, "ElevenLabs", cancellationToken).ConfigureAwait(false);
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
