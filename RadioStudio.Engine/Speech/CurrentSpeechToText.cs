namespace RadioStudio.Engine.Speech;

/// <summary>The <see cref="ISpeechToText"/> service: forwards each request to <see cref="SpeechProviders.SpeechToText"/> as it is now.</summary>
internal sealed class CurrentSpeechToText(SpeechProviders providers) : ISpeechToText
{
    public SpeechProviderInfo Info => providers.SpeechToText.Info;

    public IAsyncEnumerable<SpeechToTextUpdate> TranscribeStreamingAsync(
        SpeechSegment segment, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default) =>
        providers.SpeechToText.TranscribeStreamingAsync(segment, options, cancellationToken);
}
