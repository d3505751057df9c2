using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands;

/// <summary>
/// The once-a-second clock tick: moves <see cref="StudioState.Now"/>, which every timer on every page derives from,
/// and, while a show is live, notes in the database that it is still running (so a restart knows how long the
/// studio was down and the show clock can leave that out).
/// </summary>
internal sealed class TickCommand : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        if (state.Show is { IsLive: true } show)
        {
            await context.Repository.MarkShowAliveAsync(show.Id, now, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }

        return state with { Now = now };
    }
}
