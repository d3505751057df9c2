using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>
/// Marks the caller the host takes next (one at a time): they go to the top of the queue. With
/// <c>next: false</c> a "next" caller goes back to holding (or screened).
/// </summary>
internal sealed class SetNextCommand(string lineId, bool next = true) : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var line = LineEditing.Find(state, lineId);
        if (!line.IsQueued || line.Status == LineStatus.Ringing)
        {
            throw new StudioCommandException("Only a caller holding in the queue can be next.");
        }

        if (!next)
        {
            return line.Status != LineStatus.Next
                ? state
                : await LineEditing.MoveAsync(state, line, line with { Status = line.QueueStatus }, context, "no longer next", cancellationToken).ConfigureAwait(false);
        }

        if (line.Status == LineStatus.Next)
        {
            return state;
        }

        foreach (var previous in state.Lines.Where(l => l.Status == LineStatus.Next).ToList())
        {
            state = await LineEditing.MoveAsync(state, previous, previous with { Status = previous.QueueStatus }, context, "no longer next", cancellationToken).ConfigureAwait(false);
        }

        line = LineEditing.Find(state, lineId);
        return await LineEditing.MoveAsync(state, line, line with { Status = LineStatus.Next }, context, null, cancellationToken).ConfigureAwait(false);
    }
}
