using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Hosting;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Decorators;
using RadioStudio.Tests.Support;
using static RadioStudio.Tests.Engine.Speech.SpeechDecoratorTests;

namespace RadioStudio.Tests.Engine.Speech;

public sealed class SpeechProvidersTests
{
    [Fact]
    public void AddSpeech_DefaultConfiguration_UsesOfflineEngines()
    {
        using var services = Build(new Dictionary<string, string?>());

        var stt = services.GetRequiredService<ISpeechToText>();
        var tts = services.GetRequiredService<ITextToSpeech>();

        Assert.Equal(new SpeechProviderInfo("offline", "pocketsphinx", true), stt.Info);
        Assert.Equal(new SpeechProviderInfo("offline", RadioStudio.Engine.Speech.Flite.FliteTextToSpeech.IsAvailable() ? "flite" : "espeak-ng", true), tts.Info);
        Assert.NotEmpty(tts.Voices);
    }

    [Fact]
    public void AddSpeech_UnknownProvider_FailsValidationNamingTheKey()
    {
        using var services = Build(new Dictionary<string, string?> { ["TextToSpeech:Provider"] = "azure" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TextToSpeechProviderOptions>>().Value);

        Assert.Contains("TextToSpeech:Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconfigure_ToOpenAi_SwapsTheServiceAndFallsBackToOfflineOnFailure()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var services = Build(new Dictionary<string, string?>());
        var providers = services.GetRequiredService<SpeechProviders>();
        var tts = services.GetRequiredService<ITextToSpeech>();

        providers.Reconfigure(
            new SpeechToTextProviderOptions { Provider = "openai", Endpoint = server.BaseUrl },
            new TextToSpeechProviderOptions { Provider = "openai", Endpoint = server.BaseUrl, ApiKey = "sk-x" });
        var cloudChunks = await Collect(tts.SynthesizeStreamingAsync("Hi there", new TextToSpeechOptions(Voice: "onyx")));
        server.Speech = _ => new FakeSpeechReply([], TimeSpan.Zero, Status: 503);
        var fallbackChunks = await Collect(tts.SynthesizeStreamingAsync("Hi there", new TextToSpeechOptions(Voice: "onyx")));

        Assert.Equal("openai", tts.Info.Provider);
        Assert.Equal(24_000, cloudChunks[0].SampleRate);
        Assert.Equal(RadioStudio.Engine.Speech.Flite.FliteTextToSpeech.IsAvailable() ? 16_000 : 22_050, fallbackChunks[0].SampleRate); // flite, or espeak-ng where flite is missing
        Assert.Equal(2, server.Requests.Count(r => r.Path == "/v1/audio/speech"));
        Assert.IsType<FallbackTextToSpeech>(providers.TextToSpeech);
    }

    [Fact]
    public void Reconfigure_InvalidOptions_ThrowsAndKeepsCurrentProviders()
    {
        using var services = Build(new Dictionary<string, string?>());
        var providers = services.GetRequiredService<SpeechProviders>();
        var before = providers.TextToSpeech;

        var error = Assert.Throws<ArgumentException>(() =>
            providers.Reconfigure(new SpeechToTextProviderOptions(), new TextToSpeechProviderOptions { Provider = "openai", TimeoutSeconds = 0 }));

        Assert.Contains("TextToSpeech:TimeoutSeconds", error.Message, StringComparison.Ordinal);
        Assert.Same(before, providers.TextToSpeech);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddSpeech();
        return services.BuildServiceProvider();
    }
}
