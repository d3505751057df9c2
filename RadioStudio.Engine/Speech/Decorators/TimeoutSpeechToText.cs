namespace RadioStudio.Engine.Speech.Decorators;

/// <summary>
/// Bounds a speech-to-text client: a <see cref="TimeoutException"/> when the first update takes longer than
/// <see cref="FirstUpdateTimeout"/> or the whole transcript longer than <see cref="OverallTimeout"/>; the inner
/// request is cancelled then. Compose with <see cref="SpeechClientExtensions.WithTimeout(ISpeechToText, TimeSpan, TimeSpan?, TimeProvider?)"/>.
/// </summary>
public sealed class TimeoutSpeechToText(ISpeechToText inner, TimeSpan firstUpdateTimeout, TimeSpan overallTimeout, TimeProvider? timeProvider = null) : ISpeechToText
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Longest wait for the first update.</summary>
    public TimeSpan FirstUpdateTimeout { get; } = firstUpdateTimeout;

    /// <summary>Longest wait for the final update.</summary>
    public TimeSpan OverallTimeout { get; } = overallTimeout;

    /// <inheritdoc />
    public SpeechProviderInfo Info => inner.Info;

    /// <inheritdoc />
    public IAsyncEnumerable<SpeechToTextUpdate> TranscribeStreamingAsync(
        SpeechSegment segment, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamGuards.WithTimeoutAsync(
            token => inner.TranscribeStreamingAsync(segment, options, token), FirstUpdateTimeout, OverallTimeout, _time,
            $"Speech-to-text {inner.Info.Provider}/{inner.Info.Model}", cancellationToken);
}
