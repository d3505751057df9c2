using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Decorators;

namespace RadioStudio.Engine.Hosting;

/// <summary>Speech: the configured STT/TTS providers with timeouts, offline fallback and latency metrics.</summary>
public static class SpeechServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SpeechProviders"/> (sections <c>SpeechToText</c> and <c>TextToSpeech</c>, validated at
    /// start) and <see cref="ISpeechToText"/>/<see cref="ITextToSpeech"/>, which always use the current providers.
    /// </summary>
    public static IServiceCollection AddSpeech(this IServiceCollection services)
    {
        services.AddStudioOptions<SpeechToTextProviderOptions>(SpeechToTextProviderOptions.SectionName);
        services.AddStudioOptions<TextToSpeechProviderOptions>(TextToSpeechProviderOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        // No retry handler: a retried stream would replay audio, and the offline fallback covers failures.
        services.AddHttpClient(SpeechProviders.HttpClientName);
        services.AddSingleton(sp => new SpeechMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<SpeechProviders>();
        services.AddSingleton<ISpeechToText>(sp => new CurrentSpeechToText(sp.GetRequiredService<SpeechProviders>()));
        services.AddSingleton<ITextToSpeech>(sp => new CurrentTextToSpeech(sp.GetRequiredService<SpeechProviders>()));
        return services;
    }
}
