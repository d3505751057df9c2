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
        using var registration = cancellationToken.Register(() => Cancelled.TrySetResult());
        var text = await answer(cancellationToken);
        yield return new SpeechToTextUpdate(text, IsFinal: true);
    }
}
