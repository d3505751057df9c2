using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Decorators;
using RadioStudio.Engine.Speech.Whisper;

namespace RadioStudio.Tests.Engine.Speech.Whisper;

/// <summary>The local Whisper provider over a generated random-weight model: plumbing only, the words mean nothing.</summary>
public sealed class WhisperSpeechToTextTests(WhisperModelFixture fixture) : IClassFixture<WhisperModelFixture>
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task TranscribeSegments_PhoneAudioOnGeneratedModel_YieldsTimedTextSegments()
    {
        using var model = WhisperModel.Load(fixture.ModelPath, maxConcurrency: 1);
        var whisper = new WhisperSpeechToText(model, null, new WhisperSettings("en", 2, FitAudioContext: true));
        using var timeout = new CancellationTokenSource(Generous);

        var pieces = await CollectAsync(whisper.TranscribeSegmentsAsync(PhoneSegment(seconds: 3), cancellationToken: timeout.Token));

        Assert.NotEmpty(pieces);
        Assert.All(pieces, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Text));
            Assert.DoesNotContain("[", p.Text, StringComparison.Ordinal);
            Assert.True(p.Start >= TimeSpan.Zero && p.End >= p.Start, $"{p.Start}..{p.End}");
        });
        Assert.Equal(new SpeechProviderInfo("whisper", "whisper ggml-random.en.bin", IsOffline: true), whisper.Info);
    }

    [Fact]
    public async Task TranscribeStreaming_GeneratedModel_GivesOneFinalUpdateJoiningTheSegments()
    {
        using var model = WhisperModel.Load(fixture.ModelPath, maxConcurrency: 1);
        var whisper = new WhisperSpeechToText(model, null, new WhisperSettings("en", 2, FitAudioContext: true));
        var segment = PhoneSegment(seconds: 2.5);
        using var timeout = new CancellationTokenSource(Generous);

        var pieces = await CollectAsync(whisper.TranscribeSegmentsAsync(segment, cancellationToken: timeout.Token));
        var updates = await CollectAsync(whisper.TranscribeStreamingAsync(segment, cancellationToken: timeout.Token));

        var update = Assert.Single(updates);
        Assert.True(update.IsFinal);
        Assert.Equal(string.Join(' ', pieces.Select(p => p.Text)), update.Text);
    }

    [Fact]
    public async Task TranscribeSegments_ShortBurstAndFullWindow_BothComplete()
    {
        using var model = WhisperModel.Load(fixture.ModelPath, maxConcurrency: 2);
        var fitted = new WhisperSpeechToText(model, null, new WhisperSettings("en", 1, FitAudioContext: true));
        var full = new WhisperSpeechToText(model, null, new WhisperSettings("en", 1, FitAudioContext: false));
        using var timeout = new CancellationTokenSource(Generous);

        // A 0.3 s burst is padded to whisper.cpp's one-second minimum; two requests share the model at once.
        var results = await Task.WhenAll(
            CollectAsync(fitted.TranscribeStreamingAsync(PhoneSegment(seconds: 0.3), cancellationToken: timeout.Token)),
            CollectAsync(full.TranscribeStreamingAsync(PhoneSegment(seconds: 4), cancellationToken: timeout.Token)));

        Assert.All(results, updates => Assert.True(Assert.Single(updates).IsFinal));
    }

    [Fact]
    public async Task Transcribe_AllSlotsBusy_WaitsForOneAndThenRuns()
    {
        using var model = WhisperModel.Load(fixture.ModelPath, maxConcurrency: 1);
        var whisper = new WhisperSpeechToText(model, null, new WhisperSettings("en", 1, FitAudioContext: true));
        using var timeout = new CancellationTokenSource(Generous);
        await model.Gate.WaitAsync(timeout.Token); // another transcription holds the only slot

        var waiting = CollectAsync(whisper.TranscribeStreamingAsync(PhoneSegment(1.5), cancellationToken: timeout.Token));

        Assert.False(waiting.IsCompleted);
        Assert.Equal(0, model.Gate.CurrentCount);
        model.Gate.Release();
        Assert.True(Assert.Single(await waiting).IsFinal);
        Assert.Equal(1, model.Gate.CurrentCount);
    }

    [Fact]
    public async Task TranscribeSegments_AlreadyCancelled_ThrowsCancellation()
    {
        using var model = WhisperModel.Load(fixture.ModelPath, maxConcurrency: 1);
        var whisper = new WhisperSpeechToText(model, null, new WhisperSettings("en", 1, FitAudioContext: true));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CollectAsync(whisper.TranscribeSegmentsAsync(PhoneSegment(2), cancellationToken: cancelled.Token)));
    }

    [Fact]
    public async Task TranscribeSegments_CancelledWhileDecoding_StopsWithCancellationAndFreesTheSlot()
    {
        using var model = WhisperModel.Load(fixture.ModelPath, maxConcurrency: 1);
        var whisper = new WhisperSpeechToText(model, null, new WhisperSettings("en", 1, FitAudioContext: false));
        using var cancel = new CancellationTokenSource();

        // 28 s over the full 30 s window keeps whisper.cpp busy long enough to be cancelled mid-decode.
        var running = CollectAsync(whisper.TranscribeSegmentsAsync(PhoneSegment(28), cancellationToken: cancel.Token));
        cancel.CancelAfter(TimeSpan.FromMilliseconds(30));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        // The one concurrency slot was released: the next request runs.
        using var timeout = new CancellationTokenSource(Generous);
        var after = await CollectAsync(whisper.TranscribeStreamingAsync(PhoneSegment(1.5), cancellationToken: timeout.Token));
        Assert.True(Assert.Single(after).IsFinal);
    }

    [Fact]
    public async Task Transcribe_NoModel_ThrowsProviderErrorThatTheFallbackTurnsIntoTheOtherRecognisersText()
    {
        var whisper = new WhisperSpeechToText(null, "no model here", new WhisperSettings("en", 1, true));
        var offline = ScriptedSpeechToText.Answering("offline", "pocketsphinx heard this");

        var error = await Assert.ThrowsAsync<SpeechProviderException>(() => CollectAsync(whisper.TranscribeStreamingAsync(PhoneSegment(1))));
        var updates = await CollectAsync(whisper.WithFallback(offline).TranscribeStreamingAsync(PhoneSegment(1)));

        Assert.Equal("no model here", error.Message);
        Assert.Equal("pocketsphinx heard this", Assert.Single(updates).Text);
        Assert.Equal("no model", whisper.Info.Model);
    }

    [Fact]
    public void Load_TruncatedModel_ThrowsProviderErrorNotACrash()
    {
        using var folder = new Support.TempDirectory();
        var path = Path.Combine(folder.Path, "ggml-broken.bin");
        Support.Models.GgmlWhisperModelWriter.WriteTruncated(path, 0.6);

        var error = Assert.Throws<SpeechProviderException>(() => WhisperModel.Load(path, 1));

        Assert.Contains("could not be loaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_F32Weights_RefusedBeforeWhisperCppCouldAbortTheProcess()
    {
        using var folder = new Support.TempDirectory();
        var path = Path.Combine(folder.Path, "ggml-f32.bin");
        File.Copy(fixture.ModelPath, path);
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Position = 4 + (10 * 4); // magic, then the 11th hyper-parameter: ftype
            file.Write(BitConverter.GetBytes(0));
        }

        var error = Assert.Throws<SpeechProviderException>(() => WhisperModel.Load(path, 1));

        Assert.Contains("f32 weights", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_VocabularyWithoutSpaceToken_RefusedBeforeWhisperCppCouldAbortTheProcess()
    {
        using var folder = new Support.TempDirectory();
        var path = Path.Combine(folder.Path, "ggml-nospace.bin");
        Support.Models.GgmlWhisperModelWriter.Write(path, withSpaceToken: false);

        var error = Assert.Throws<SpeechProviderException>(() => WhisperModel.Load(path, 1));

        Assert.Contains("single-space token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_GgufFile_RefusedAsNotAWhisperModel()
    {
        using var folder = new Support.TempDirectory();
        var path = Path.Combine(folder.Path, "ggml-chat.bin");
        Support.Models.GgufLlamaModelWriter.Write(path);

        var error = Assert.Throws<SpeechProviderException>(() => WhisperModel.Load(path, 1));

        Assert.Contains("not a ggml Whisper model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsProviderErrorNamingTheFile()
    {
        var error = Assert.Throws<SpeechProviderException>(() => WhisperModel.Load("/nonexistent/ggml-tiny.en.bin", 1));

        Assert.Contains("/nonexistent/ggml-tiny.en.bin", error.Message, StringComparison.Ordinal);
    }

    internal static async Task<List<T>> CollectAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>Phone-band audio (8 kHz): a voiced buzz with syllable-rate envelope and a little noise.</summary>
    internal static SpeechSegment PhoneSegment(double seconds)
    {
        const int rate = 8_000;
        var samples = new float[(int)(seconds * rate)];
        var random = new Random(3);
        for (var i = 0; i < samples.Length; i++)
        {
            var t = (double)i / rate;
            var envelope = 0.5 + (0.5 * Math.Sin(2 * Math.PI * 3 * t));
            samples[i] = (float)(envelope * ((0.3 * Math.Sin(2 * Math.PI * 180 * t)) + (0.15 * Math.Sin(2 * Math.PI * 720 * t)) + (0.05 * (random.NextDouble() - 0.5))));
        }

        return new SpeechSegment(samples, rate);
    }
}
