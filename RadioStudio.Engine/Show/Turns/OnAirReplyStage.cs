using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Show.Memory;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Show.Turns;

/// <summary>The studio as an AI reply on air sees it: the engine's board and transcript, the AI bus, tonight's calls.</summary>
internal sealed class OnAirReplyStage(
    StudioEngine engine, AudioGraph graph, CallerMemory memory, Func<ActiveAiCall?> current, Func<TimeSpan> showTime, Action<Task> background)
    : IReplyStage
{
    public TimeSpan ShowTime() => showTime();

    public IReadOnlyList<EarlierCall> EarlierCalls() => memory.EarlierCalls();

    public Task SetPhaseAsync(ActiveAiCall call, AiPhase phase)
    {
        if (current() != call)
        {
            return Task.CompletedTask;
        }

        var status = phase switch
        {
            AiPhase.Thinking => AiCallerStatus.Thinking,
            AiPhase.Speaking => AiCallerStatus.Speaking,
            _ => AiCallerStatus.Listening,
        };
        return engine.UpdateAiAsync(
            s => current() == call ? s with { Phase = phase } : s,
            board => current() == call ? CallerBoard.SetSlotStatus(board, call.Slot, status) : board);
    }

    public Task AddLineAsync(ActiveAiCall call, string text, TimeSpan start, TimeSpan end) =>
        engine.AddTranscriptEntryAsync(call.Persona.Name, PartyKind.Ai, text, start, end);

    public Task ReportProblemAsync(string problem, CancellationToken cancellationToken = default) =>
        engine.UpdateAiAsync(s => s with { Problem = problem }, cancellationToken: cancellationToken);

    public Task<bool> Play(IAudioSource voice) => graph.AiVoice.Play(voice);

    public void StopVoice() => graph.AiVoice.Stop();

    public void Background(Task task) => background(task);
}
