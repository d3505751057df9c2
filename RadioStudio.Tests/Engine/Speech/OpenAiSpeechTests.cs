using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Decorators;
using RadioStudio.Engine.Speech.OpenAi;
using RadioStudio.Tests.Support;
using static RadioStudio.Tests.Engine.Speech.SpeechDecoratorTests;

namespace RadioStudio.Tests.Engine.Speech;

public sealed class OpenAiSpeechTests
{
    [Fact]
    public async Task TranscribeStreamingAsync_Segment_PostsWavWithModelAndKeyAndReturnsFinalText()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Transcription = (_, _) => new FakeTranscriptionReply("  My name is Dave from Leeds. ", TimeSpan.Zero);
        using var http = new HttpClient();
        var client = new OpenAiSpeechToText(new SpeechToTextProviderOptions { Endpoint = server.BaseUrl, ApiKey = "sk-test", Model = "whisper-1" }, http);
        var segment = new SpeechSegment(SyntheticSpeech.Burst(3.0), 16_000);

        var updates = await Collect(client.TranscribeStreamingAsync(segment));

        var update = Assert.Single(updates);
        Assert.Equal(new SpeechToTextUpdate("My name is Dave from Leeds.", true), update);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/audio/transcriptions", request.Path);
        Assert.Equal("Bearer sk-test", request.Authorization);
        Assert.Contains("model=whisper-1", request.Body, StringComparison.Ordinal);
        Assert.Contains("language=en", request.Body, StringComparison.Ordinal);
        Assert.Equal(44 + (2 * 48_000), request.FileBytes);
    }

    [Fact]
    public async Task TranscribeStreamingAsync_8kHzSegment_IsSentAs16kHz()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var http = new HttpClient();
        var client = new OpenAiSpeechToText(new SpeechToTextProviderOptions { Endpoint = server.BaseUrl }, http);

        await Collect(client.TranscribeStreamingAsync(new SpeechSegment(new float[8_000], 8_000)));

        Assert.Equal(44 + (2 * 16_000), Assert.Single(server.Requests).FileBytes);
    }

    [Theory]
    [InlineData("Thank you.", 1.0, "")]
    [InlineData("Thanks for watching!", 1.0, "")]
    [InlineData("you", 1.0, "")]
    [InlineData("   ", 4.0, "")]
    [InlineData("Thank you.", 4.0, "Thank you.")]
    [InlineData("Yes", 1.0, "Yes")]
    public void Clean_WhisperHallucinationsOnShortAudio_AreDropped(string text, double seconds, string expected)
    {
        var segment = new SpeechSegment(SyntheticSpeech.Burst(seconds), 16_000);

        Assert.Equal(expected, OpenAiSpeechToText.Clean(text, segment));
    }

    [Fact]
    public async Task TranscribeStreamingAsync_ServerError_ThrowsAndFallbackAnswers()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Transcription = (_, _) => new FakeTranscriptionReply("", TimeSpan.Zero, Status: 500);
        using var http = new HttpClient();
        var cloud = new OpenAiSpeechToText(new SpeechToTextProviderOptions { Endpoint = server.BaseUrl }, http);
        var segment = new SpeechSegment(new float[16_000], 16_000);

        await Assert.ThrowsAnyAsync<Exception>(() => Collect(cloud.TranscribeStreamingAsync(segment)));
        var updates = await Collect(cloud.WithFallback(ScriptedSpeechToText.Answering("offline", "offline text")).TranscribeStreamingAsync(segment));

        Assert.Equal("offline text", Assert.Single(updates).Text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task SynthesizeStreamingAsync_Text_PostsPcmRequestWithVoiceModelAndKey()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var http = new HttpClient();
        var client = new OpenAiTextToSpeech(new TextToSpeechProviderOptions { Endpoint = server.BaseUrl, ApiKey = "sk-tts" }, http);

        var chunks = await Collect(client.SynthesizeStreamingAsync("Hello caller", new TextToSpeechOptions(Voice: "coral")));

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/audio/speech", request.Path);
        Assert.Equal("Bearer sk-tts", request.Authorization);
        Assert.Equal("gpt-4o-mini-tts", (string?)request.Json!["model"]);
        Assert.Equal("coral", (string?)request.Json["voice"]);
        Assert.Equal("pcm", (string?)request.Json["response_format"]);
        Assert.Equal("Hello caller", (string?)request.Json["input"]);
        Assert.All(chunks, c => Assert.Equal(24_000, c.SampleRate));
        var expected = FakeSpeechReply.ToneFor("Hello caller").Pcm16.Length / 2;
        Assert.Equal(expected, chunks.Sum(c => c.Samples.Length));
        Assert.InRange(chunks.Max(c => c.Samples.Span.ToArray().Max()), 0.24f, 0.26f);
    }

    [Fact]
    public async Task SynthesizeStreamingAsync_ServerHoldsAfterFirstChunk_FirstChunkArrivesBeforeTheRest()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Speech = body => FakeSpeechReply.ToneFor((string?)body["input"] ?? "") with { HoldAfterFirstChunk = release.Task };
        using var http = new HttpClient();
        var client = new OpenAiTextToSpeech(new TextToSpeechProviderOptions { Endpoint = server.BaseUrl }, http);
        var text = new string('a', 100);

        await using var chunks = client.SynthesizeStreamingAsync(text, new TextToSpeechOptions()).GetAsyncEnumerator();
        var first = await chunks.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var received = chunks.Current.Samples.Length;
        release.SetResult();
        while (await chunks.MoveNextAsync())
        {
            received += chunks.Current.Samples.Length;
        }

        Assert.True(first);
        Assert.Equal(FakeSpeechReply.ToneFor(text).Pcm16.Length / 2, received);
    }

    [Fact]
    public async Task SynthesizeStreamingAsync_ServerError_ThrowsSpeechProviderException()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Speech = _ => new FakeSpeechReply([], TimeSpan.Zero, Status: 429);
        using var http = new HttpClient();
        var client = new OpenAiTextToSpeech(new TextToSpeechProviderOptions { Endpoint = server.BaseUrl }, http);

        var error = await Assert.ThrowsAsync<SpeechProviderException>(() => Collect(client.SynthesizeStreamingAsync("Hi", new TextToSpeechOptions())));

        Assert.Contains("429", error.Message, StringComparison.Ordinal);
    }
}
