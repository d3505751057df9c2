using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RadioStudio.Engine.Speech.Decorators;

/// <summary>
/// Records time to first audio and to the last chunk in <see cref="SpeechMetrics"/> and logs each outcome.
/// Compose with <see cref="SpeechClientExtensions.WithMetrics(ITextToSpeech, SpeechMetrics, ILogger?, TimeProvider?)"/>.
/// </summary>
public sealed class MeteredTextToSpeech(ITextToSpeech inner, SpeechMetrics metrics, ILogger? logger = null, TimeProvider? timeProvider = null) : ITextToSpeech
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public SpeechProviderInfo Info => inner.Info;

    /// <inheritdoc />
    public IReadOnlyList<VoiceInfo> Voices => inner.Voices;

    /// <inheritdoc />
    public IAsyncEnumerable<SpeechAudioChunk> SynthesizeStreamingAsync(
        string text, TextToSpeechOptions options, CancellationToken cancellationToken = default) =>
        MeasuredStream.MeasureAsync(
            inner.SynthesizeStreamingAsync(text, options, cancellationToken), metrics.TextToSpeechFirstAudio, metrics.TextToSpeechDuration,
            inner.Info, "Text-to-speech", _time, _logger, cancellationToken);
}
