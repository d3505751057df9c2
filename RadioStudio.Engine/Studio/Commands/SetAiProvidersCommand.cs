using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.Providers;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands;

/// <summary>Saves the host's AI provider choices (checked by the caller) and publishes them to the pages.</summary>
internal sealed class SetAiProvidersCommand(AiProviderChoices choices) : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        if (state.AiProviders == choices)
        {
            return state;
        }

        await context.Repository.SaveSettingAsync(SettingKeys.AiProviders, AiProviderChoicesJson.Write(choices), cancellationToken).ConfigureAwait(false);
        return state with { AiProviders = choices };
    }
}
