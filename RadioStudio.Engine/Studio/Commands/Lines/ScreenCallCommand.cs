using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>The screener marks a waiting caller screened (or not yet).</summary>
internal sealed class ScreenCallCommand(string lineId, bool screened) : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var line = LineEditing.Find(state, lineId);
        if (!line.IsQueued || line.Status == LineStatus.Ringing)
        {
            throw new StudioCommandException("Only a caller holding in the queue can be screened.");
        }

        if (line.Screened == screened)
        {
            return state;
        }

        var moved = line with { Screened = screened };
        moved = moved with { Status = line.Status == LineStatus.Next ? LineStatus.Next : moved.QueueStatus };
        return await LineEditing.MoveAsync(state, line, moved, context, screened ? "screened" : "unscreened", cancellationToken).ConfigureAwait(false);
    }
}
