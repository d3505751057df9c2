using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RadioStudio.Engine.Speech.Decorators;

/// <summary>
/// Records time to first update and to the final transcript in <see cref="SpeechMetrics"/> and logs each
/// outcome. Compose with <see cref="SpeechClientExtensions.WithMetrics(ISpeechToText, SpeechMetrics, ILogger?, TimeProvider?)"/>.
/// </summary>
public sealed class MeteredSpeechToText(ISpeechToText inner, SpeechMetrics metrics, ILogger? logger = null, TimeProvider? timeProvider = null) : ISpeechToText
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public SpeechProviderInfo Info => inner.Info;

    /// <inheritdoc />
    public IAsyncEnumerable<SpeechToTextUpdate> TranscribeStreamingAsync(
        SpeechSegment segment, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default) =>
        MeasuredStream.MeasureAsync(
            inner.TranscribeStreamingAsync(segment, options, cancellationToken), metrics.SpeechToTextFirstUpdate, metrics.SpeechToTextDuration,
            inner.Info, "Speech-to-text", _time, _logger, cancellationToken);
}
