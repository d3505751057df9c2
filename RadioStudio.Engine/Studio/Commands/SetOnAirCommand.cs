using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands;

/// <summary>ON AIR opens a new show; OFF AIR closes the live one. Repeating the current state is a no-op.</summary>
internal sealed class SetOnAirCommand(bool onAir) : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        if (onAir == state.OnAir)
        {
            return state;
        }

        var now = context.Time.GetUtcNow();
        if (onAir)
        {
            var show = new ShowInfo(Guid.CreateVersion7(now).ToString("N"), context.Options.ShowTitle, now, Ended: null);
            await context.Repository.InsertShowAsync(show, cancellationToken).ConfigureAwait(false);
            StudioEngineLog.ShowStarted(context.Logger, show.Title);
            return state with { OnAir = true, Show = show, Transcript = [], Now = now };
        }

        // The show is over: every caller, waiting or on air, is thanked off the line.
        foreach (var line in state.Lines.ToList())
        {
            state = await new Lines.EndLineCommand(line.Id, Lines.LineEnd.ShowMovedOn).ApplyAsync(state, context, cancellationToken).ConfigureAwait(false);
        }

        var ended = state.Show! with { Ended = now };
        await context.Repository.EndShowAsync(ended.Id, now, cancellationToken).ConfigureAwait(false);
        StudioEngineLog.ShowEnded(context.Logger, ended.Title, ended.Elapsed(now).ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture));
        return state with { OnAir = false, Show = ended, Now = now };
    }
}
