namespace RadioStudio.Engine.Speech;

/// <summary>
/// Text-to-speech in the shape of Microsoft.Extensions.AI's clients: text in, audio chunks out as the
/// provider produces them, so playback starts before synthesis ends. Providers: OpenAI-compatible speech,
/// ElevenLabs, offline espeak-ng; decorators add timeouts, fallback, latency metrics and logging.
/// </summary>
public interface ITextToSpeech
{
    /// <summary>Who answers (provider and model), for logs and the UI.</summary>
    SpeechProviderInfo Info { get; }

    /// <summary>Voices this provider offers; AI callers draw theirs from here.</summary>
    IReadOnlyList<VoiceInfo> Voices { get; }

    /// <summary>Speaks <paramref name="text"/> (one sentence or a few) with the voice in <paramref name="options"/>.</summary>
    IAsyncEnumerable<SpeechAudioChunk> SynthesizeStreamingAsync(
        string text, TextToSpeechOptions options, CancellationToken cancellationToken = default);
}
