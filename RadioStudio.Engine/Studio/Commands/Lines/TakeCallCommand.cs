using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>The host takes a waiting caller to air, on the lowest free phone channel.</summary>
internal sealed class TakeCallCommand(string lineId) : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var line = LineEditing.Find(state, lineId);
        if (line.IsOnAir)
        {
            return state;
        }

        if (!state.OnAir)
        {
            throw new StudioCommandException("Go ON AIR before taking callers.");
        }

        if (line.Status == LineStatus.Ringing)
        {
            throw new StudioCommandException($"{line.DisplayName} is still connecting; take them in a moment.");
        }

        var now = context.Time.GetUtcNow();
        var taken = line with
        {
            Status = LineStatus.OnAir,
            OnAirSince = now,
            Channel = LineEditing.FreeChannel(state, state.Routing.FirstPhone),
        };
        StudioEngineLog.CallOnAir(context.Logger, taken.DisplayName, taken.Channel!.Value);
        var moved = await LineEditing.MoveAsync(state, line, taken, context, $"channel {taken.Channel}", cancellationToken).ConfigureAwait(false);
        return await CallTranscriptLines.JoinedAsync(moved, taken, context, cancellationToken).ConfigureAwait(false);
    }
}
