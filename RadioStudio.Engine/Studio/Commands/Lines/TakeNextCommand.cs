using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>
/// "Next caller": every unlocked on-air caller is thanked off the line and the first caller in the queue is
/// taken to air. Locked callers stay.
/// </summary>
internal sealed class TakeNextCommand : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        if (!state.OnAir)
        {
            throw new StudioCommandException("Go ON AIR before taking callers.");
        }

        var next = state.Queue.FirstOrDefault(l => l.Status != LineStatus.Ringing)
            ?? throw new StudioCommandException("Nobody is waiting.");
        foreach (var line in state.Lines.Where(l => l.Status == LineStatus.OnAir).ToList())
        {
            state = await new EndLineCommand(line.Id, LineEnd.ShowMovedOn).ApplyAsync(state, context, cancellationToken).ConfigureAwait(false);
        }

        return await new TakeCallCommand(next.Id).ApplyAsync(state, context, cancellationToken).ConfigureAwait(false);
    }
}
