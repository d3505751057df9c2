using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.Providers;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Decorators;

namespace RadioStudio.Tests.Support;

/// <summary>
/// The real <see cref="AiProviderSettings"/> over real (offline-configured) LLM and speech clients, saving through a
/// <see cref="FakeStudio"/>; the label refresh is counted. Configure the "appsettings" (keys above all) before use.
/// </summary>
public sealed class AiProviderRig : IDisposable
{
    private readonly HttpClient _http = new();
    private int _refreshes;

    public AiProviderRig(FakeStudio studio, Action<LlmOptions, SpeechToTextProviderOptions, TextToSpeechProviderOptions>? configure = null)
    {
        var llm = new LlmOptions();
        var stt = new SpeechToTextProviderOptions();
        var tts = new TextToSpeechProviderOptions();
        configure?.Invoke(llm, stt, tts);
        Llm = new LlmClients(Options.Create(llm), TimeProvider.System, NullLoggerFactory.Instance);
        Speech = new SpeechProviders(Options.Create(stt), Options.Create(tts), new SingleClientFactory(_http), new SpeechMetrics(), NullLogger<SpeechProviders>.Instance, TimeProvider.System);
        Settings = new AiProviderSettings(
            Llm, Speech, new LlmModelCatalog(_http, TimeProvider.System), Options.Create(llm), Options.Create(stt), Options.Create(tts),
            studio, studio, _ => { Interlocked.Increment(ref _refreshes); return Task.CompletedTask; }, NullLogger<AiProviderSettings>.Instance);
    }

    public LlmClients Llm { get; }

    public SpeechProviders Speech { get; }

    public AiProviderSettings Settings { get; }

    /// <summary>How often the provider labels were refreshed.</summary>
    public int Refreshes => Volatile.Read(ref _refreshes);

    public void Dispose()
    {
        Settings.Dispose();
        Speech.Dispose();
        Llm.Dispose();
        _http.Dispose();
    }

    private sealed class SingleClientFactory(HttpClient client) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => client;
    }
}
