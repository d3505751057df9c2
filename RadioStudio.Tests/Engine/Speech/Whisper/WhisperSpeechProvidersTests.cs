using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Decorators;
using RadioStudio.Engine.Speech.Whisper;
using RadioStudio.Tests.Support;
using RadioStudio.Tests.Support.Models;
using static RadioStudio.Tests.Engine.Speech.Whisper.WhisperSpeechToTextTests;

namespace RadioStudio.Tests.Engine.Speech.Whisper;

/// <summary>
/// <see cref="SpeechProviders"/> with the local Whisper provider: the data folder's models/ is picked up, the model
/// is loaded once, and a missing or corrupt model falls back to pocketsphinx (needs libpocketsphinx3 like CI).
/// </summary>
public sealed class WhisperSpeechProvidersTests(WhisperModelFixture fixture) : IClassFixture<WhisperModelFixture>
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData("whisper")]
    [InlineData("offline")]
    public async Task Build_ModelInDataFolderModels_TranscribesWithWhisper(string provider)
    {
        using var speech = Providers(fixture.DataFolder, new SpeechToTextProviderOptions { Provider = provider }, out var logger);
        using var timeout = new CancellationTokenSource(Generous);

        var updates = await CollectAsync(speech.SpeechToText.TranscribeStreamingAsync(PhoneSegment(2), cancellationToken: timeout.Token));

        Assert.Equal(new SpeechProviderInfo("whisper", "whisper ggml-random.en.bin", IsOffline: true), speech.SpeechToText.Info);
        Assert.True(speech.WhisperModel.IsLoaded);
        Assert.Equal(fixture.ModelPath, speech.WhisperModel.Path);
        Assert.StartsWith("ggml-random.en.bin (", speech.WhisperModel.Describe(), StringComparison.Ordinal);
        Assert.True(Assert.Single(updates).IsFinal);
        Assert.DoesNotContain(logger.Lines, l => l.Level >= LogLevel.Warning);
        Assert.Contains(logger.Lines, l => l.Message.Contains("Whisper model ggml-random.en.bin loaded", StringComparison.Ordinal));
    }

    [Fact]
    public void Reconfigure_SameModelAgain_ReusesTheLoadedModel()
    {
        using var speech = Providers(fixture.DataFolder, new SpeechToTextProviderOptions { Provider = "whisper" }, out _);
        var first = speech.SpeechToText;

        speech.Reconfigure(new SpeechToTextProviderOptions { Provider = "whisper", ModelPath = fixture.ModelPath }, new TextToSpeechProviderOptions());

        Assert.NotSame(first, speech.SpeechToText);
        Assert.True(speech.WhisperModel.IsLoaded);
        Assert.Equal(fixture.ModelPath, speech.WhisperModel.Path);
    }

    [Fact]
    public void Build_OfflineWithoutModels_UsesPocketSphinxAlone()
    {
        using var empty = new TempDirectory();

        using var speech = Providers(empty.Path, new SpeechToTextProviderOptions { Provider = "offline" }, out var logger);

        Assert.Equal(new SpeechProviderInfo("offline", "pocketsphinx", true), speech.SpeechToText.Info);
        Assert.False(speech.WhisperModel.IsLoaded);
        Assert.DoesNotContain(logger.Lines, l => l.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("truncated")]
    [InlineData("not-a-model")]
    public async Task Transcribe_BadModel_FallsBackToPocketSphinx(string kind)
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "ggml-bad.bin");
        switch (kind)
        {
            case "truncated":
                GgmlWhisperModelWriter.WriteTruncated(path, 0.5);
                break;
            case "not-a-model":
                await File.WriteAllTextAsync(path, "<html>404 Not Found</html>");
                break;
        }

        using var speech = Providers(folder.Path, new SpeechToTextProviderOptions { Provider = "whisper", ModelPath = "ggml-bad.bin" }, out var logger);
        using var timeout = new CancellationTokenSource(Generous);

        var updates = await CollectAsync(speech.SpeechToText.TranscribeStreamingAsync(PhoneSegment(1.5), cancellationToken: timeout.Token));

        Assert.True(Assert.Single(updates).IsFinal);
        Assert.False(speech.WhisperModel.IsLoaded);
        Assert.Equal(path, speech.WhisperModel.Path);
        Assert.StartsWith("not loaded: ", speech.WhisperModel.Describe(), StringComparison.Ordinal);
        Assert.Equal("no model", speech.SpeechToText.Info.Model);
        Assert.Contains(logger.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("using offline/pocketsphinx instead", StringComparison.Ordinal));
    }

    [Fact]
    public void Locator_SeveralModels_PicksTheSmallestAndSkipsOtherFiles()
    {
        using var data = new TempDirectory();
        var models = Directory.CreateDirectory(Path.Combine(data.Path, "models")).FullName;
        File.WriteAllBytes(Path.Combine(models, "ggml-base.en.bin"), new byte[2000]);
        File.WriteAllBytes(Path.Combine(models, "ggml-tiny.en.bin"), new byte[1000]);
        File.WriteAllBytes(Path.Combine(models, "ggml-silero-v5.1.2.bin"), new byte[10]);
        File.WriteAllBytes(Path.Combine(models, "qwen.gguf"), new byte[10]);

        Assert.Equal(Path.Combine(models, "ggml-tiny.en.bin"), WhisperModelLocator.Find(null, data.Path));
        Assert.Equal(Path.Combine(data.Path, "my", "ggml-x.bin"), WhisperModelLocator.Find("my/ggml-x.bin", data.Path));
        Assert.Equal("/abs/ggml-y.bin", WhisperModelLocator.Find("/abs/ggml-y.bin", data.Path));
        Assert.Null(WhisperModelLocator.Find(null, Path.Combine(data.Path, "nowhere")));
    }

    private static SpeechProviders Providers(string dataFolder, SpeechToTextProviderOptions stt, out RecordingLogger<SpeechProviders> logger)
    {
        logger = new RecordingLogger<SpeechProviders>();
        return new SpeechProviders(
            Options.Create(stt), Options.Create(new TextToSpeechProviderOptions()), new NoHttp(), new SpeechMetrics(), logger, TimeProvider.System,
            Options.Create(new StorageOptions { Path = dataFolder }));
    }

    private sealed class NoHttp : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("no HTTP in these tests");
    }
}
