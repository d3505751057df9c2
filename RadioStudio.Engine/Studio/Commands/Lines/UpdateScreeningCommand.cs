using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>
/// The AI screener's progress with a holding caller: its exchange and status on the card, and the name and topic it
/// learned (null = leave as it is; the screener never passes a field a human edited). Screened marks the caller
/// screened like the human screener's button. A caller no longer waiting is left alone (taken, dropped or gone).
/// </summary>
internal sealed class UpdateScreeningCommand(string lineId, ScreeningState screening, string? name, string? topic) : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var line = state.Lines.Find(l => l.Id == lineId);
        if (line is null || !line.IsQueued)
        {
            return state;
        }

        // A human took the card over: the AI's late writes never undo that.
        if (line.Screening is { TakenOver: true })
        {
            return state;
        }

        var screened = line.Screened || screening.Status == ScreeningStatus.Screened;
        var moved = line with { Screening = screening, Name = name ?? line.Name, Topic = topic ?? line.Topic, Screened = screened };
        moved = moved with { Status = line.Status is LineStatus.Next or LineStatus.Ringing ? line.Status : moved.QueueStatus };
        if (moved == line)
        {
            return state;
        }

        var detail = screening.Status == line.Screening?.Status ? null : $"AI screening: {screening.Attribute}";
        return detail is null
            ? state with { Lines = state.Lines.Replace(line, moved) }
            : await LineEditing.MoveAsync(state, line, moved, context, detail, cancellationToken).ConfigureAwait(false);
    }
}
