using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RadioStudio.Engine.Speech.Decorators;

/// <summary>
/// Tries <see cref="Primary"/>; when it throws or times out before its first update, logs a warning and
/// transcribes with <see cref="Fallback"/> instead. Compose with <see cref="SpeechClientExtensions.WithFallback(ISpeechToText, ISpeechToText, ILogger?)"/>.
/// </summary>
public sealed class FallbackSpeechToText(ISpeechToText primary, ISpeechToText fallback, ILogger? logger = null) : ISpeechToText
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>The provider tried first.</summary>
    public ISpeechToText Primary { get; } = primary;

    /// <summary>The provider used when the primary fails.</summary>
    public ISpeechToText Fallback { get; } = fallback;

    /// <inheritdoc />
    public SpeechProviderInfo Info => Primary.Info;

    /// <inheritdoc />
    public IAsyncEnumerable<SpeechToTextUpdate> TranscribeStreamingAsync(
        SpeechSegment segment, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamGuards.WithFallbackAsync(
            token => Primary.TranscribeStreamingAsync(segment, options, token),
            token => Fallback.TranscribeStreamingAsync(segment, options, token),
            error => SpeechLog.FallingBack(_logger, "Speech-to-text", Primary.Info.Provider, Primary.Info.Model, Fallback.Info.Provider, Fallback.Info.Model, error.Message, error is SpeechProviderException ? null : error),
            cancellationToken);
}
