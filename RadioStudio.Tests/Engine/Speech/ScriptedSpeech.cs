using System.Runtime.CompilerServices;
using RadioStudio.Engine.Speech;

namespace RadioStudio.Tests.Engine.Speech;

/// <summary>A speech-to-text fake that answers, fails or hangs as scripted, and records cancellation.</summary>
internal sealed class ScriptedSpeechToText(string provider, Func<CancellationToken, Task<string>> answer) : ISpeechToText
{
    public SpeechProviderInfo Info { get; } = new(provider, provider + "-model", IsOffline: provider == "offline");

    public int Calls { get; private set; }

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static ScriptedSpeechToText Answering(string provider, string text) => new(provider, _ => Task.FromResult(text));

    public static ScriptedSpeechToText Failing(string provider) => new(provider, _ => throw new SpeechProviderException("scripted failure"));

    public static ScriptedSpeechToText Hanging(string provider) => new(provider, async token =>
    {
        await Task.Delay(Timeout.Infinite, token);
        return "never";
    });

    public async IAsyncEnumerable<SpeechToTextUpdate> TranscribeStreamingAsync(
        SpeechSegment segment, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Calls++;
        string text;
        try
        {
            text = await answer(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Recorded here, not by a registration on the token: the provider's own registration (Task.Delay) runs
            // first and may unwind this iterator inline, which would remove a later registration before it ran.
            Cancelled.TrySetResult();
            throw;
        }

        yield return new SpeechToTextUpdate(text, IsFinal: true);
    }
}
