using System.Globalization;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands;

/// <summary>Turns automatic AI follow-ups on or off; the choice is saved.</summary>
internal sealed class SetAutoFollowUpCommand(bool enabled) : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        if (state.AutoFollowUp == enabled)
        {
            return state;
        }

        await context.Repository.SaveSettingAsync(SettingKeys.AutoFollowUp, enabled.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        StudioEngineLog.AutoFollowUpChanged(context.Logger, enabled);
        return state with { AutoFollowUp = enabled };
    }
}
