using System.ComponentModel.DataAnnotations;

namespace RadioStudio.Engine.Speech;

/// <summary>
/// Which text-to-speech provider the studio uses (section <c>TextToSpeech</c>). The API key comes from an
/// environment variable (<c>TextToSpeech__ApiKey</c>) or user-secrets, never from appsettings.json. A cloud
/// provider always falls back to the offline engine.
/// </summary>
public sealed class TextToSpeechProviderOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "TextToSpeech";

    /// <summary><c>openai</c>, <c>elevenlabs</c> or <c>offline</c> (espeak-ng).</summary>
    [Required]
    [RegularExpression("^(openai|elevenlabs|offline)$", ErrorMessage = "must be 'openai', 'elevenlabs' or 'offline'")]
    public string Provider { get; set; } = "offline";

    /// <summary>API base URL; null for the provider's own (https://api.openai.com/v1, https://api.elevenlabs.io).</summary>
    [Url]
    public string? Endpoint { get; set; }

    /// <summary>OpenAI Bearer key or ElevenLabs <c>xi-api-key</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Model; null for the provider's default (<c>gpt-4o-mini-tts</c>, <c>eleven_flash_v2_5</c>).</summary>
    public string? Model { get; set; }

    /// <summary>ElevenLabs voices as <c>id|name|gender</c> (gender: male, female, neutral); empty for the premade set.</summary>
    public IList<string> Voices { get; } = [];

    /// <summary>Longest wait for the first audio (and a bound on the whole reply) before the offline engine is used.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;
}
