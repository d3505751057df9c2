using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands;

/// <summary>
/// The screener edits a caller's name, topic or notes. A null field is left as it is, so two quick edits of
/// different fields never overwrite each other; an empty one clears the value.
/// </summary>
internal sealed class UpdateCallerDetailsCommand(string lineId, string? name, string? topic, string? notes) : StudioCommand
{
    private const int MaxField = 200;
    private const int MaxNotes = 2000;

    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var line = state.Lines.Find(l => l.Id == lineId)
            ?? throw new StudioCommandException("That caller is no longer on the line.");
        var updated = line with
        {
            Name = name is null ? line.Name : Clean(name, MaxField),
            Topic = topic is null ? line.Topic : Clean(topic, MaxField),
            Notes = notes is null ? line.Notes : Clean(notes, MaxNotes),
        };
        return updated == line
            ? state
            : await Lines.LineEditing.MoveAsync(state, line, updated, context, "details edited", cancellationToken).ConfigureAwait(false);
    }

    private static string? Clean(string value, int max)
    {
        var trimmed = value.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= max ? trimmed : throw new StudioCommandException($"Keep it under {max} characters.");
    }
}
