using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands;

/// <summary>The once-a-second clock tick: moves <see cref="StudioState.Now"/>, which every timer on every page derives from.</summary>
internal sealed class TickCommand : StudioCommand
{
    public override ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(state with { Now = context.Time.GetUtcNow() });
}
