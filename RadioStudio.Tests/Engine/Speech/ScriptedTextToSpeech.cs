using System.Runtime.CompilerServices;
using RadioStudio.Engine.Speech;

namespace RadioStudio.Tests.Engine.Speech;

/// <summary>A text-to-speech fake yielding scripted chunks, optionally failing after <see cref="FailAfter"/> of them.</summary>
internal sealed class ScriptedTextToSpeech(string provider, IReadOnlyList<VoiceInfo> voices, int chunks, int? failAfter = null) : ITextToSpeech
{
    public SpeechProviderInfo Info { get; } = new(provider, provider + "-model", IsOffline: provider == "offline");

    public IReadOnlyList<VoiceInfo> Voices => voices;

    public int? FailAfter => failAfter;

    public List<TextToSpeechOptions> Requests { get; } = [];

    public async IAsyncEnumerable<SpeechAudioChunk> SynthesizeStreamingAsync(
        string text, TextToSpeechOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Requests.Add(options);
        for (var i = 0; i < chunks; i++)
        {
            if (i == failAfter)
            {
                throw new SpeechProviderException("scripted failure");
            }

            await Task.Yield();
            yield return new SpeechAudioChunk(new float[] { i }, 24_000);
        }

        if (failAfter == chunks)
        {
            throw new SpeechProviderException("scripted failure");
        }
    }
}
