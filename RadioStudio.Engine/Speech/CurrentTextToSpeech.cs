namespace RadioStudio.Engine.Speech;

/// <summary>The <see cref="ITextToSpeech"/> service: forwards each request to <see cref="SpeechProviders.TextToSpeech"/> as it is now.</summary>
internal sealed class CurrentTextToSpeech(SpeechProviders providers) : ITextToSpeech
{
    public SpeechProviderInfo Info => providers.TextToSpeech.Info;

    public IReadOnlyList<VoiceInfo> Voices => providers.TextToSpeech.Voices;

    public IAsyncEnumerable<SpeechAudioChunk> SynthesizeStreamingAsync(
        string text, TextToSpeechOptions options, CancellationToken cancellationToken = default) =>
        providers.TextToSpeech.SynthesizeStreamingAsync(text, options, cancellationToken);
}
