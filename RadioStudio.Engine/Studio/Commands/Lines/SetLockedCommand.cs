using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>Locks an on-air caller so "next" keeps them on air (a panel guest), or unlocks them.</summary>
internal sealed class SetLockedCommand(string lineId, bool locked) : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var line = LineEditing.Find(state, lineId);
        if (!line.IsOnAir)
        {
            throw new StudioCommandException("Only a caller on air can be locked.");
        }

        var status = locked ? LineStatus.Locked : LineStatus.OnAir;
        return line.Status == status
            ? state
            : await LineEditing.MoveAsync(state, line, line with { Status = status }, context, null, cancellationToken).ConfigureAwait(false);
    }
}
