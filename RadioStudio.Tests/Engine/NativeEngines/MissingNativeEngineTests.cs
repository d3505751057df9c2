using RadioStudio.Engine.Audio.Media;
using RadioStudio.Engine.NativeEngines;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Decorators;
using RadioStudio.Engine.Speech.Espeak;
using RadioStudio.Engine.Speech.Flite;
using RadioStudio.Engine.Speech.PocketSphinx;
using RadioStudio.Engine.Speech.Placeholder;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.NativeEngines;

/// <summary>
/// A native engine that is not installed (flite, espeak-ng, pocketsphinx, ffmpeg): one clear line at start, a
/// plain error naming what to install when it is used, a working fallback, and never a stack trace in the log.
/// </summary>
public sealed class MissingNativeEngineTests : IDisposable
{
    private readonly TempDirectory _bin = new();

    public void Dispose() => _bin.Dispose();

    [Fact]
    public async Task Report_NothingInstalled_OneWarningLinePerEngine_WithoutException()
    {
        var logger = new RecordingLogger<NativeEngineReport>();
        var report = new NativeEngineReport(logger, new NativeEngineProbe(_bin.Path, _ => false));

        await report.StartAsync(CancellationToken.None);

        Assert.Equal(4, report.Missing.Count);
        Assert.Contains(report.Missing, l => l.StartsWith("flite is not installed", StringComparison.Ordinal));
        Assert.Contains(report.Missing, l => l.StartsWith("espeak-ng is not installed either", StringComparison.Ordinal) && l.Contains("placeholder", StringComparison.Ordinal));
        Assert.Contains(report.Missing, l => l.StartsWith("pocketsphinx is not installed", StringComparison.Ordinal));
        Assert.Contains(report.Missing, l => l.StartsWith("ffmpeg is not installed", StringComparison.Ordinal));
        Assert.All(report.Missing, l => Assert.Contains("apt install", l, StringComparison.Ordinal));
        Assert.Equal(4, logger.Lines.Count);
        Assert.All(logger.Lines, line => Assert.Null(line.Error));
        Assert.All(logger.Lines, line => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, line.Level));
    }

    [Fact]
    public async Task Report_EnginesOnThePath_SaysNothingAboutThem()
    {
        Install("flite", "espeak-ng", "ffmpeg");
        var report = new NativeEngineReport(new RecordingLogger<NativeEngineReport>(), new NativeEngineProbe(_bin.Path, _ => true));

        await report.StartAsync(CancellationToken.None);

        Assert.DoesNotContain(report.Missing, l => l.StartsWith("flite", StringComparison.Ordinal) || l.StartsWith("espeak-ng", StringComparison.Ordinal) || l.StartsWith("ffmpeg", StringComparison.Ordinal));
    }

    [Fact]
    public void ChooseOfflineVoice_ByWhatIsInstalled_FliteThenEspeakThenPlaceholder()
    {
        Assert.IsType<PlaceholderTextToSpeech>(SpeechProviders.ChooseOfflineVoice(new NativeEngineProbe(_bin.Path)));
        Install("espeak-ng");
        Assert.IsType<EspeakTextToSpeech>(SpeechProviders.ChooseOfflineVoice(new NativeEngineProbe(_bin.Path)));
        Install("flite");
        Assert.IsType<FliteTextToSpeech>(SpeechProviders.ChooseOfflineVoice(new NativeEngineProbe(_bin.Path)));
    }

    [Fact]
    public async Task Placeholder_Speaks_AsLongAsTheWordsWouldTake_Quietly()
    {
        var chunks = await CollectAsync(new PlaceholderTextToSpeech().SynthesizeStreamingAsync("one two three four five", new TextToSpeechOptions("placeholder-female")));

        var chunk = Assert.Single(chunks);
        Assert.Equal(PlaceholderTextToSpeech.SampleRate, chunk.SampleRate);
        Assert.InRange(chunk.Samples.Length / (double)chunk.SampleRate, 1.4, 1.8);
        var peak = chunk.Samples.ToArray().Max(Math.Abs);
        Assert.InRange(peak, 0.02f, 0.1f);
    }

    [Fact]
    public async Task Flite_MissingExecutable_FailsWithAPlainMessage_AndTheFallbackSpeaks_WithNoStackTraceLogged()
    {
        var logger = new RecordingLogger<MissingNativeEngineTests>();
        var voice = new FliteTextToSpeech(Path.Combine(_bin.Path, "flite"))
            .WithMetrics(new SpeechMetrics(), logger)
            .WithFallback(new PlaceholderTextToSpeech(), logger);

        var direct = await Assert.ThrowsAsync<SpeechProviderException>(() => CollectAsync(new FliteTextToSpeech(Path.Combine(_bin.Path, "flite")).SynthesizeStreamingAsync("Hello there.", new TextToSpeechOptions())));
        var chunks = await CollectAsync(voice.SynthesizeStreamingAsync("Hello there.", new TextToSpeechOptions()));

        Assert.Contains("apt install flite", direct.Message, StringComparison.Ordinal);
        Assert.NotEmpty(chunks);
        Assert.NotEmpty(logger.Lines);
        Assert.All(logger.Lines, line => Assert.Null(line.Error));
        Assert.Contains(logger.Lines, line => line.Message.Contains("flite was not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Espeak_AndPocketSphinx_Missing_FailWithPlainMessages()
    {
        var espeak = await Assert.ThrowsAsync<SpeechProviderException>(() => CollectAsync(new EspeakTextToSpeech(Path.Combine(_bin.Path, "espeak-ng")).SynthesizeStreamingAsync("Hello.", new TextToSpeechOptions())));
        using var recognizer = new PocketSphinxSpeechToText(Path.Combine(_bin.Path, "model"));
        var sphinx = await Assert.ThrowsAsync<SpeechProviderException>(async () =>
        {
            await foreach (var _ in recognizer.TranscribeStreamingAsync(new SpeechSegment(new float[16_000], 16_000)))
            {
            }
        });

        Assert.Contains("espeak-ng", espeak.Message, StringComparison.Ordinal);
        Assert.Contains("install pocketsphinx-en-us", sphinx.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ffmpeg_MissingExecutable_FailsWithAMediaDecodeException_NamingFfmpeg()
    {
        var file = Path.Combine(_bin.Path, "song.mp3");
        await File.WriteAllBytesAsync(file, new byte[128]);

        var error = await Assert.ThrowsAsync<MediaDecodeException>(() => FfmpegDecoder.DecodeAllAsync(file, TimeSpan.FromSeconds(5), Path.Combine(_bin.Path, "ffmpeg")));

        Assert.Contains("ffmpeg", error.Message, StringComparison.Ordinal);
    }

    private void Install(params string[] executables)
    {
        foreach (var name in executables)
        {
            File.WriteAllText(Path.Combine(_bin.Path, name), "#!/bin/sh\n");
        }
    }

    private static async Task<List<SpeechAudioChunk>> CollectAsync(IAsyncEnumerable<SpeechAudioChunk> chunks)
    {
        var list = new List<SpeechAudioChunk>();
        await foreach (var chunk in chunks)
        {
            list.Add(chunk);
        }

        return list;
    }
}
