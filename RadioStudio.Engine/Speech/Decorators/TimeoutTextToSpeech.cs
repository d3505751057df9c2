namespace RadioStudio.Engine.Speech.Decorators;

/// <summary>
/// Bounds a text-to-speech client: a <see cref="TimeoutException"/> when the first audio takes longer than
/// <see cref="FirstAudioTimeout"/> or the whole reply longer than <see cref="OverallTimeout"/>; the inner request
/// is cancelled then. Compose with <see cref="SpeechClientExtensions.WithTimeout(ITextToSpeech, TimeSpan, TimeSpan?, TimeProvider?)"/>.
/// </summary>
public sealed class TimeoutTextToSpeech(ITextToSpeech inner, TimeSpan firstAudioTimeout, TimeSpan overallTimeout, TimeProvider? timeProvider = null) : ITextToSpeech
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Longest wait for the first audio chunk.</summary>
    public TimeSpan FirstAudioTimeout { get; } = firstAudioTimeout;

    /// <summary>Longest wait for the last audio chunk.</summary>
    public TimeSpan OverallTimeout { get; } = overallTimeout;

    /// <inheritdoc />
    public SpeechProviderInfo Info => inner.Info;

    /// <inheritdoc />
    public IReadOnlyList<VoiceInfo> Voices => inner.Voices;

    /// <inheritdoc />
    public IAsyncEnumerable<SpeechAudioChunk> SynthesizeStreamingAsync(
        string text, TextToSpeechOptions options, CancellationToken cancellationToken = default) =>
        StreamGuards.WithTimeoutAsync(
            token => inner.SynthesizeStreamingAsync(text, options, token), FirstAudioTimeout, OverallTimeout, _time,
            $"Text-to-speech {inner.Info.Provider}/{inner.Info.Model}", cancellationToken);
}
