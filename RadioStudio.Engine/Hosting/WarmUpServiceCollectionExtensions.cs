using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Show.WarmUp;

namespace RadioStudio.Engine.Hosting;

/// <summary>Warming the AI turn path at start and when an AI caller is put on a line.</summary>
public static class WarmUpServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TurnPathWarmer"/> and <see cref="TurnWarmUpService"/> (section <c>WarmUp</c>); needs <c>AddAiCallers</c>' providers.</summary>
    public static IServiceCollection AddTurnWarmUp(this IServiceCollection services)
    {
        services.AddStudioOptions<WarmUpOptions>(WarmUpOptions.SectionName);
        services.AddSingleton<TurnPathWarmer>();
        services.AddSingleton<TurnWarmUpService>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnWarmUpService>());
        return services;
    }
}
