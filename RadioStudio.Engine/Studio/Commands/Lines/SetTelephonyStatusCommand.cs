using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>The phone system reports how callers reach the studio.</summary>
internal sealed class SetTelephonyStatusCommand(TelephonyStatus status) : StudioCommand
{
    public override ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(state.Telephony == status ? state : state with { Telephony = status });
}
