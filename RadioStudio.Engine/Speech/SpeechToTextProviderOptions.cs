using System.ComponentModel.DataAnnotations;

namespace RadioStudio.Engine.Speech;

/// <summary>
/// Which speech-to-text provider the studio uses (section <c>SpeechToText</c>). The API key comes from an
/// environment variable (<c>SpeechToText__ApiKey</c>) or user-secrets, never from appsettings.json. A cloud
/// provider always falls back to the offline engine.
/// </summary>
public sealed class SpeechToTextProviderOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "SpeechToText";

    /// <summary><c>openai</c> (any OpenAI-compatible transcription endpoint) or <c>offline</c> (pocketsphinx).</summary>
    [Required]
    [RegularExpression("^(openai|offline)$", ErrorMessage = "must be 'openai' or 'offline'")]
    public string Provider { get; set; } = "offline";

    /// <summary>API base URL including <c>/v1</c>; null for https://api.openai.com/v1.</summary>
    [Url]
    public string? Endpoint { get; set; }

    /// <summary>Bearer key; local Whisper servers often need none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Transcription model (<c>whisper-1</c>, <c>gpt-4o-transcribe</c>, …).</summary>
    public string Model { get; set; } = "whisper-1";

    /// <summary>ISO-639-1 language hint.</summary>
    public string? Language { get; set; } = "en";

    /// <summary>Longest wait for a transcript before the offline engine is used instead.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;
}
