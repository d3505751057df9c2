using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.NativeEngines;

namespace RadioStudio.Engine.Hosting;

/// <summary>The start-up report of missing native engines (flite, espeak-ng, pocketsphinx, ffmpeg).</summary>
public static class NativeEngineServiceCollectionExtensions
{
    /// <summary>Registers <see cref="NativeEngineReport"/>: one line at start per missing engine, with its fallback.</summary>
    public static IServiceCollection AddNativeEngineReport(this IServiceCollection services)
    {
        services.AddSingleton(NativeEngineProbe.Current);
        services.AddSingleton<NativeEngineReport>();
        services.AddHostedService(sp => sp.GetRequiredService<NativeEngineReport>());
        return services;
    }
}
