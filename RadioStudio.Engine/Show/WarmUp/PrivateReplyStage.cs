using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Show.Turns;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Show.WarmUp;

/// <summary>
/// The studio as the warm-up's dry-run reply sees it: no board, no transcript, no bus. Its voice is read out block by
/// block into a scratch buffer as the AI bus would read it; the lines it would have written are only counted.
/// </summary>
internal sealed class PrivateReplyStage : IReplyStage
{
    private int _lines;

    /// <summary>Sentences the reply would have written to the transcript.</summary>
    public int Lines => Volatile.Read(ref _lines);

    public TimeSpan ShowTime() => TimeSpan.Zero;

    public IReadOnlyList<EarlierCall> EarlierCalls() => [new EarlierCall("Warm-up", IsAi: false, "A caller talked about the night shift.")];

    public Task SetPhaseAsync(ActiveAiCall call, AiPhase phase) => Task.CompletedTask;

    public Task AddLineAsync(ActiveAiCall call, string text, TimeSpan start, TimeSpan end)
    {
        Interlocked.Increment(ref _lines);
        return Task.CompletedTask;
    }

    public Task ReportProblemAsync(string problem, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<bool> Play(IAudioSource voice) => Task.Run(() =>
    {
        var block = new float[AudioFormat.Studio.BlockSamples];
        for (var i = 0; i < 6_000; i++)
        {
            // Until the short read that ends the playout (bounded: two minutes of audio).
            if (voice.Read(block) < block.Length)
            {
                return true;
            }
        }

        return false;
    });

    public void StopVoice()
    {
    }

    public void Background(Task task) => _ = task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
}
