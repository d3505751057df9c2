using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Hosting;

/// <summary>Composes the engine: one <see cref="StudioEngine"/> singleton, run as a hosted service.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>Registers the studio engine, its persistence and its options.</summary>
    public static IServiceCollection AddRadioStudioEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddStudioOptions<StudioOptions>(StudioOptions.SectionName);
        services.AddStudioOptions<StorageOptions>(StorageOptions.SectionName);

        services.AddSingleton<StudioEventLogSink>();
        services.AddSingleton<ILoggerProvider, StudioEventLogProvider>();
        services.TryAddSingleton<IStudioRepository, SqliteStudioRepository>();

        services.AddSingleton<StudioEngine>();
        services.AddSingleton<IStudioStore>(sp => sp.GetRequiredService<StudioEngine>());
        services.AddSingleton<IStudioControl>(sp => sp.GetRequiredService<StudioEngine>());
        services.AddHostedService(sp => sp.GetRequiredService<StudioEngine>());
        return services;
    }
}
