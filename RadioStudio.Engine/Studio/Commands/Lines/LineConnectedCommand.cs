using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>The caller's media stream started: they are holding (hearing hold music) in the queue.</summary>
internal sealed class LineConnectedCommand(string lineId) : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var line = LineEditing.Find(state, lineId);
        if (line.Status != LineStatus.Ringing)
        {
            return state;
        }

        return await LineEditing.MoveAsync(state, line, line with { Status = LineStatus.Holding }, context, "stream connected", cancellationToken).ConfigureAwait(false);
    }
}
