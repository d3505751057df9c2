using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands;

/// <summary>Replaces the routing table after checking it; the table is saved and pushed to the pages and the audio graph.</summary>
internal sealed class SetRoutingCommand(RoutingTable routing) : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var problems = routing.Validate();
        if (problems.Count > 0)
        {
            throw new StudioCommandException("Routing not saved: " + string.Join(" ", problems));
        }

        if (state.Routing == routing)
        {
            return state;
        }

        await context.Repository.SaveSettingAsync(SettingKeys.Routing, RoutingJson.Write(routing), cancellationToken).ConfigureAwait(false);
        StudioEngineLog.RoutingChanged(context.Logger, string.IsNullOrWhiteSpace(routing.DeviceName) ? "no device" : routing.DeviceName);
        return state with { Routing = routing };
    }
}
