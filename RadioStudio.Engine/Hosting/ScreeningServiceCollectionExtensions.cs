using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Screening;

namespace RadioStudio.Engine.Hosting;

/// <summary>The AI screener's room: options, the known-caller seam, structured extraction and the provider gate.</summary>
public static class ScreeningServiceCollectionExtensions
{
    /// <summary>Registers screening (after <c>AddLlm</c>: extraction runs on the utility model).</summary>
    public static IServiceCollection AddScreening(this IServiceCollection services)
    {
        services.AddStudioOptions<ScreeningOptions>(ScreeningOptions.SectionName);
        services.TryAddSingleton<IKnownCallerLookup>(sp => sp.GetService<Callers.ICallerDirectory>() is { } directory
            ? new DirectoryKnownCallers(directory)
            : new NoKnownCallers());
        services.AddSingleton<ScreeningExtractor>();
        services.AddSingleton(sp => new ScreeningProviderGate(
            sp.GetRequiredService<IOptions<ScreeningOptions>>().Value.MaxProviderConcurrency, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ScreeningService>();
        services.AddHostedService(sp => sp.GetRequiredService<ScreeningService>());
        return services;
    }
}
