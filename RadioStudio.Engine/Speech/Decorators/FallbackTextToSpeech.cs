using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RadioStudio.Engine.Speech.Decorators;

/// <summary>
/// Tries <see cref="Primary"/>; when it throws or times out before its first audio, logs a warning and speaks
/// with <see cref="Fallback"/> instead. A voice the fallback does not have is replaced by one of its voices of
/// the same gender, chosen stably from the voice id (so a caller keeps one fallback voice). Compose with
/// <see cref="SpeechClientExtensions.WithFallback(ITextToSpeech, ITextToSpeech, ILogger?)"/>.
/// </summary>
public sealed class FallbackTextToSpeech(ITextToSpeech primary, ITextToSpeech fallback, ILogger? logger = null) : ITextToSpeech
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>The provider tried first.</summary>
    public ITextToSpeech Primary { get; } = primary;

    /// <summary>The provider used when the primary fails.</summary>
    public ITextToSpeech Fallback { get; } = fallback;

    /// <inheritdoc />
    public SpeechProviderInfo Info => Primary.Info;

    /// <inheritdoc />
    public IReadOnlyList<VoiceInfo> Voices => Primary.Voices;

    /// <inheritdoc />
    public IAsyncEnumerable<SpeechAudioChunk> SynthesizeStreamingAsync(
        string text, TextToSpeechOptions options, CancellationToken cancellationToken = default) =>
        StreamGuards.WithFallbackAsync(
            token => Primary.SynthesizeStreamingAsync(text, options, token),
            token => Fallback.SynthesizeStreamingAsync(text, options with { Voice = FallbackVoice(options.Voice), Model = null }, token),
            error => SpeechLog.FallingBack(_logger, "Text-to-speech", Primary.Info.Provider, Primary.Info.Model, Fallback.Info.Provider, Fallback.Info.Model, error.Message, error is SpeechProviderException ? null : error),
            cancellationToken);

    /// <summary>The fallback's voice standing in for <paramref name="voice"/> (unchanged when the fallback has it, has no voice list, or none was asked for).</summary>
    public string? FallbackVoice(string? voice)
    {
        var voices = Fallback.Voices;
        if (voices.Count == 0 || voice is null || voices.Any(v => v.Id == voice))
        {
            return voice;
        }

        var gender = Primary.Voices.FirstOrDefault(v => v.Id == voice)?.Gender ?? VoiceGender.Neutral;
        var candidates = voices.Where(v => v.Gender == gender).ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. voices];
        }

        // string.GetHashCode is randomised per process; this one is stable across runs.
        var hash = 17u;
        foreach (var c in voice)
        {
            hash = (hash * 31) + c;
        }

        return candidates[(int)(hash % (uint)candidates.Count)].Id;
    }
}
