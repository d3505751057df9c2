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

    /// <summary>
    /// <c>openai</c> (any OpenAI-compatible transcription endpoint), <c>whisper</c> (a local ggml Whisper model) or
    /// <c>offline</c> (the local Whisper model when one is found, else pocketsphinx).
    /// </summary>
    [Required]
    [RegularExpression("^(openai|offline|whisper)$", ErrorMessage = "must be 'openai', 'whisper' or 'offline'")]
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

    /// <summary>
    /// The local ggml Whisper model (<c>ggml-base.en.bin</c>); relative paths start at the data folder. Empty: the
    /// smallest <c>ggml-*.bin</c> in the data folder's <c>models/</c>.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>CPU threads per local Whisper transcription.</summary>
    [Range(1, 64)]
    public int Threads { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Local Whisper transcriptions that may run at once (each holds its own decoder state).</summary>
    [Range(1, 16)]
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>Shrink Whisper's 30 s encoder window to the utterance: about 5× faster on short phone turns.</summary>
    public bool FitAudioContext { get; set; } = true;
}
