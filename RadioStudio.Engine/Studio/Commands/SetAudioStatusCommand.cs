using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands;

/// <summary>The audio side reports what it is doing; applied to the latest status, so concurrent reports never undo each other.</summary>
internal sealed class SetAudioStatusCommand(Func<AudioStatus, AudioStatus> update) : StudioCommand
{
    public override ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var next = update(state.Audio);
        return ValueTask.FromResult(next == state.Audio ? state : state with { Audio = next });
    }
}
