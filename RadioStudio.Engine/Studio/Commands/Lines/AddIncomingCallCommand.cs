using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>A caller rang in (the voice webhook was answered): they join the end of the queue, ringing.</summary>
internal sealed class AddIncomingCallCommand(PhoneLineState line) : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        if (!state.OnAir)
        {
            throw new StudioCommandException("The studio is off air.");
        }

        if (state.BlockAll)
        {
            throw new StudioCommandException("The lines are blocked.");
        }

        if (state.Lines.Any(l => l.Id == line.Id || l.CallSid == line.CallSid))
        {
            throw new StudioCommandException("That call is already on a line.");
        }

        var priority = state.Lines.Count == 0 ? 1 : state.Lines.Max(l => l.Priority) + 1;
        var added = line with { Status = LineStatus.Ringing, Priority = priority, Channel = null, OnAirSince = null };
        await context.Repository.InsertCallAsync(added, state.Show?.Id, cancellationToken).ConfigureAwait(false);
        StudioEngineLog.CallRinging(context.Logger, added.Number, added.Simulated ? " (test call)" : "");
        return state with { Lines = state.Lines.Add(added) };
    }
}
