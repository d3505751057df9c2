using System.Collections.Immutable;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands;

/// <summary>The AI side reports what it is doing; applied to the latest state, so concurrent reports never undo each other.</summary>
internal sealed class UpdateAiCommand(Func<AiStatus, AiStatus>? status, Func<ImmutableList<AiCallerState>, ImmutableList<AiCallerState>>? board)
    : StudioCommand
{
    public override ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var ai = status is null ? state.Ai : status(state.Ai);
        var callers = board is null ? state.AiCallers : board(state.AiCallers);
        return ValueTask.FromResult(ai == state.Ai && callers == state.AiCallers ? state : state with { Ai = ai, AiCallers = callers });
    }
}
