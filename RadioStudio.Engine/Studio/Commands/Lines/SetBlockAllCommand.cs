using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>Blocks (or reopens) the lines: new callers hear the busy message. Callers already in stay.</summary>
internal sealed class SetBlockAllCommand(bool blocked) : StudioCommand
{
    public override ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        if (state.BlockAll == blocked)
        {
            return ValueTask.FromResult(state);
        }

        StudioEngineLog.LinesBlocked(context.Logger, blocked ? "blocked: new callers hear the busy message" : "open");
        return ValueTask.FromResult(state with { BlockAll = blocked });
    }
}
