using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Decorators;
using RadioStudio.Tests.Engine.Speech.Whisper;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Components.Providers;

namespace RadioStudio.Tests.Web.Providers;

/// <summary>The settings page's line saying which local Whisper model is loaded.</summary>
public sealed class WhisperModelLineTests(WhisperModelFixture fixture) : IClassFixture<WhisperModelFixture>, IAsyncLifetime
{
    private readonly BunitContext _context = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void Render_ModelLoaded_NamesTheModelAndItsSize()
    {
        using var speech = Providers(fixture.DataFolder);
        _context.Services.AddSingleton(speech);

        var line = _context.Render<WhisperModelLine>().Find("[data-testid=ai-stt-whisper-model]");

        Assert.Equal("loaded", line.GetAttribute("data-state"));
        Assert.Contains("Whisper model: ggml-random.en.bin (", line.TextContent, StringComparison.Ordinal);
        Assert.Contains(" MB) loaded from ", line.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoModel_SaysWhereToPutOne()
    {
        using var empty = new TempDirectory();
        using var speech = Providers(empty.Path);
        _context.Services.AddSingleton(speech);

        var line = _context.Render<WhisperModelLine>().Find("[data-testid=ai-stt-whisper-model]");

        Assert.Equal("none", line.GetAttribute("data-state"));
        Assert.Contains(Path.Combine(empty.Path, "models"), line.TextContent, StringComparison.Ordinal);
        Assert.Contains("SpeechToText:ModelPath", line.TextContent, StringComparison.Ordinal);
    }

    private static SpeechProviders Providers(string dataFolder) => new(
        Options.Create(new SpeechToTextProviderOptions { Provider = "offline" }), Options.Create(new TextToSpeechProviderOptions()),
        new NoHttp(), new SpeechMetrics(), NullLogger<SpeechProviders>.Instance, TimeProvider.System,
        Options.Create(new StorageOptions { Path = dataFolder }));

    private sealed class NoHttp : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("no HTTP here");
    }
}
