using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands;

/// <summary>Switches AI callers between manual and auto respond mode; the choice is saved.</summary>
internal sealed class SetRespondModeCommand(RespondMode mode) : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new StudioCommandException($"Unknown respond mode {(int)mode}.");
        }

        if (state.RespondMode == mode)
        {
            return state;
        }

        await context.Repository.SaveSettingAsync(SettingKeys.RespondMode, mode.ToString(), cancellationToken).ConfigureAwait(false);
        StudioEngineLog.RespondModeChanged(context.Logger, mode);
        return state with { RespondMode = mode };
    }
}
