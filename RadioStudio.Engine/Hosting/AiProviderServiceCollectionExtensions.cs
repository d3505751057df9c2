using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.Providers;
using RadioStudio.Engine.Show.Turns;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Hosting;

/// <summary>The settings page's AI provider choices, saved and restored over appsettings.json.</summary>
public static class AiProviderServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAiProviderSettings"/>, started as a hosted service: register it after the engine (which
    /// restores the saved choices) and before the AI director (which publishes the labels of the providers in force).
    /// </summary>
    public static IServiceCollection AddAiProviderSettings(this IServiceCollection services)
    {
        services.AddSingleton(sp => new AiProviderSettings(
            sp.GetRequiredService<LlmClients>(),
            sp.GetRequiredService<SpeechProviders>(),
            sp.GetRequiredService<LlmModelCatalog>(),
            sp.GetRequiredService<IOptions<LlmOptions>>(),
            sp.GetRequiredService<IOptions<SpeechToTextProviderOptions>>(),
            sp.GetRequiredService<IOptions<TextToSpeechProviderOptions>>(),
            sp.GetRequiredService<IStudioStore>(),
            sp.GetRequiredService<IStudioControl>(),
            ct => sp.GetRequiredService<AiDirector>().RefreshProvidersAsync(ct),
            sp.GetRequiredService<ILogger<AiProviderSettings>>()));
        services.AddSingleton<IAiProviderSettings>(sp => sp.GetRequiredService<AiProviderSettings>());
        services.AddHostedService(sp => sp.GetRequiredService<AiProviderSettings>());
        return services;
    }
}
