using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>Shows (or clears) a problem on a line, e.g. a failed REST hang-up, without touching the call.</summary>
internal sealed class SetLineProblemCommand(string lineId, string? problem) : StudioCommand
{
    public override ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var line = state.Lines.Find(l => l.Id == lineId);
        return ValueTask.FromResult(line is null || line.Problem == problem
            ? state
            : state with { Lines = state.Lines.Replace(line, line with { Problem = problem }) });
    }
}
