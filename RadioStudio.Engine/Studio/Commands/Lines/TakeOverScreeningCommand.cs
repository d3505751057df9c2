using System.Collections.Immutable;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>The human screener takes a caller's screening over: the AI screener stops at once and writes nothing more.</summary>
internal sealed class TakeOverScreeningCommand(string lineId) : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var line = LineEditing.Find(state, lineId);
        if (!line.IsQueued)
        {
            throw new StudioCommandException("Only a caller waiting in the queue can be taken over.");
        }

        if (line.Screening is { TakenOver: true })
        {
            return state;
        }

        var screening = line.Screening ?? new ScreeningState(ScreeningStatus.Incomplete, ImmutableList<Screening.ScreeningLine>.Empty);
        var status = screening.Status == ScreeningStatus.Screened ? ScreeningStatus.Screened : ScreeningStatus.Incomplete;
        var moved = line with { Screening = screening with { Status = status, TakenOver = true } };
        return await LineEditing.MoveAsync(state, line, moved, context, "screening taken over", cancellationToken).ConfigureAwait(false);
    }
}
