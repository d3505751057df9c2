using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Devices;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Audio.Recording;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;

namespace RadioStudio.Engine.Hosting;

/// <summary>The audio engine: the clock, the graph and its outputs.</summary>
public static class AudioServiceCollectionExtensions
{
    /// <summary>Registers the audio graph (started after the engine and the phone system).</summary>
    public static IServiceCollection AddAudio(this IServiceCollection services)
    {
        services.AddStudioOptions<AudioOptions>(AudioOptions.SectionName);
        services.AddSingleton<AudioClock>();
        services.AddSingleton(sp => new AudioGraph(
            sp.GetRequiredService<PhoneSystem>(),
            sp.GetRequiredService<IOptions<StudioOptions>>().Value.Routing.PhoneSlots,
            sp.GetRequiredService<IOptions<AudioOptions>>().Value.MaxOnAir));
        services.AddSingleton<MeterFeed>();
        services.AddSingleton<HostMicrophone>();
        services.AddSingleton<IAudioDeviceCatalog, PortAudioDeviceCatalog>();
        services.AddSingleton(sp => new StemRecorder(sp.GetRequiredService<ILogger<StemRecorder>>(), sp.GetRequiredService<TimeProvider>())
        {
            SampleFormat = sp.GetRequiredService<IOptions<AudioOptions>>().Value.StemFormat == StemFormat.Float32 ? WavSampleFormat.Float32 : WavSampleFormat.Pcm24,
        });
        services.AddSingleton<AudioService>();
        services.AddHostedService(sp => sp.GetRequiredService<AudioService>());
        services.AddSingleton<AudioDesk>();
        services.AddSingleton<IAudioDesk>(sp => sp.GetRequiredService<AudioDesk>());
        services.AddHostedService(sp => sp.GetRequiredService<AudioDesk>());
        services.AddHostedService<RadioStudio.Engine.Show.Ending.MusicFadeAtShowEnd>();
        return services;
    }
}
