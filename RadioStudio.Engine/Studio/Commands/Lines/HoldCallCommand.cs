using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>The host puts an on-air caller back in the queue (back to hold music), freeing their channel.</summary>
internal sealed class HoldCallCommand(string lineId) : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var line = LineEditing.Find(state, lineId);
        if (!line.IsOnAir)
        {
            return state;
        }

        return await LineEditing.MoveAsync(state, line, LineEditing.OffAir(line), context, "back on hold", cancellationToken).ConfigureAwait(false);
    }
}
