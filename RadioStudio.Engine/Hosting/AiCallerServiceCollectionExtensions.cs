using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Show;
using RadioStudio.Engine.Show.Turns;
using RadioStudio.Engine.Speech.Listening;

namespace RadioStudio.Engine.Hosting;

/// <summary>AI callers on air: speech and language providers, the voice listener, personas and the turn director.</summary>
public static class AiCallerServiceCollectionExtensions
{
    /// <summary>Registers the AI side (after <c>AddAudio</c>: it listens to and speaks into the graph).</summary>
    public static IServiceCollection AddAiCallers(this IServiceCollection services)
    {
        services.AddSpeech();
        services.AddLlm();
        services.AddStudioOptions<AiCallerOptions>(AiCallerOptions.SectionName);
        services.AddStudioOptions<ShowOptions>(ShowOptions.SectionName);
        services.AddSingleton(sp => PersonaPool.Load(sp.GetRequiredService<IOptions<ShowOptions>>().Value));
        services.AddSingleton<PersonaGenerator>();
        services.AddSingleton(sp => new VoiceListener(sp.GetRequiredService<AudioGraph>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<VoiceListener>>()));
        services.AddHostedService(sp => sp.GetRequiredService<VoiceListener>());
        services.AddAiProviderSettings();
        services.AddSingleton<AiDirector>();
        services.AddSingleton<IAiDirector>(sp => sp.GetRequiredService<AiDirector>());
        services.AddHostedService(sp => sp.GetRequiredService<AiDirector>());
        services.AddScreening();
        services.AddTurnWarmUp();
        services.AddNativeEngineReport();
        return services;
    }
}
