using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Shutdown;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Simulator;
using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Engine.Hosting;

/// <summary>Phone lines: Twilio webhooks and streams, the audio clock that paces them, and the simulator.</summary>
public static class TelephonyServiceCollectionExtensions
{
    /// <summary>Registers the phone system (started after the engine) and its parts.</summary>
    public static IServiceCollection AddTelephony(this IServiceCollection services)
    {
        services.AddStudioOptions<TwilioOptions>(TwilioOptions.SectionName);
        services.AddTwilioRestClient();
        services.AddSingleton<HoldFeed>();
        services.AddSingleton<WebhookReplayGuard>();
        services.AddSingleton<PhoneSystem>();
        services.AddHostedService(sp => sp.GetRequiredService<PhoneSystem>());
        services.AddStudioOptions<ShutdownOptions>(ShutdownOptions.SectionName);
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, stop) => host.ShutdownTimeout = TimeSpan.FromSeconds(stop.Value.TimeoutSeconds));
        services.AddHostedService<PhoneSignOff>();
        services.AddHttpClient<PhoneSimulator>();
        services.AddSingleton<SimulatedCallerVoices>();
        return services;
    }
}
