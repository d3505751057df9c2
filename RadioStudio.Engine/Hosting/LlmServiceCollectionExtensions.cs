using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RadioStudio.Engine.Llm;

namespace RadioStudio.Engine.Hosting;

/// <summary>Language models: the <c>Llm</c> options, the dialogue/utility chains and the model catalog.</summary>
public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ILlmClients"/> (and <see cref="LlmClients"/> for <c>Reconfigure</c>), the LLM
    /// metrics and the model catalog. Add <see cref="ILlmLatencySink"/> singletons to receive call timings.
    /// </summary>
    public static IServiceCollection AddLlm(this IServiceCollection services)
    {
        services.AddStudioOptions<LlmOptions>(LlmOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<LlmMetrics>();
        services.TryAddSingleton<LlmClients>();
        services.TryAddSingleton<ILlmClients>(sp => sp.GetRequiredService<LlmClients>());
        services.AddHttpClient<LlmModelCatalog>();
        return services;
    }
}
