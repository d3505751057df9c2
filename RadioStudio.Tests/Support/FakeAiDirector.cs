using System.Collections.Concurrent;
using RadioStudio.Engine.Show.Turns;

namespace RadioStudio.Tests.Support;

/// <summary>
/// Records the host console's AI caller commands instead of running AI callers. A host line goes to the
/// <see cref="FakeStudio"/> (recorded there, refused when it refuses), as the real director puts it in the transcript.
/// </summary>
public sealed class FakeAiDirector(FakeStudio studio) : IAiDirector
{
    public ConcurrentQueue<string> Commands { get; } = new();

    public Task CallAsync(int slot, CancellationToken cancellationToken = default) => Record($"ai-call:{slot}");

    public Task HangUpAsync(CancellationToken cancellationToken = default) => Record("ai-hangup");

    public Task HostLineAsync(string text, CancellationToken cancellationToken = default) => studio.AddHostLineAsync(text, cancellationToken);

    public Task LetThemRespondAsync(CancellationToken cancellationToken = default) => Record("ai-respond");

    public void PushToTalk(bool held) => Commands.Enqueue($"ptt:{held}");

    private Task Record(string command)
    {
        Commands.Enqueue(command);
        return Task.CompletedTask;
    }
}
