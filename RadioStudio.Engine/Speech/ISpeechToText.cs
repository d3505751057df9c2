namespace RadioStudio.Engine.Speech;

/// <summary>
/// Speech-to-text in the shape of Microsoft.Extensions.AI's clients: one segment of speech in (already cut
/// by voice-activity detection, so silence is never sent), text updates out as they arrive, the last one
/// final. Providers: OpenAI-compatible transcription, offline pocketsphinx; decorators add timeouts,
/// fallback, latency metrics and logging.
/// </summary>
public interface ISpeechToText
{
    /// <summary>Who answers (provider and model), for logs and the UI.</summary>
    SpeechProviderInfo Info { get; }

    /// <summary>Transcribes one speech segment; the last update has <see cref="SpeechToTextUpdate.IsFinal"/> set.</summary>
    IAsyncEnumerable<SpeechToTextUpdate> TranscribeStreamingAsync(
        SpeechSegment segment, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default);
}
