using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Callers;
using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Simulator;
using RadioStudio.Tests.Engine.Speech;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.Screening;

/// <summary>
/// The AI screener over the real Twilio webhook and Media Streams, with the fake OpenAI-compatible server as STT
/// (it "hears" the caller's answers), TTS (a tone the caller can measure) and the utility model (answers the
/// structured extraction request with JSON).
/// </summary>
[Collection(nameof(ScreeningIntegrationTests))]
public sealed class ScreeningIntegrationTests(ScreeningStudioFixture studio) : IClassFixture<ScreeningStudioFixture>
{
    [Fact]
    public async Task HoldingCaller_IsGreetedAnswersNameAndTopic_CardShowsThemScreened()
    {
        Script("Dave");
        await using var call = await studio.Simulator.PlaceCallAsync(Caller("+15550140001", answers: 2));
        var lineId = await HoldingAsync(call);

        var screened = await studio.Engine.WaitForAsync(
            s => s.Lines.Find(l => l.Id == lineId) is { Screening.Status: ScreeningStatus.Screened }, TimeSpan.FromSeconds(60));

        var line = screened.Lines.Single(l => l.Id == lineId);
        Assert.Equal("Dave", line.Name);
        Assert.Equal("the county roads", line.Topic);
        Assert.True(line.Screened);
        Assert.Equal("screened", line.Screening!.Attribute);
        var answers = line.Screening.Lines.Where(l => !l.FromScreener).ToList();
        Assert.Equal(["My name is Dave.", "I want to talk about the county roads."], answers.Select(a => a.Text));
        Assert.All(answers, a => Assert.NotNull(a.ClipId));
        Assert.Contains(line.Screening.Lines, l => l.FromScreener && l.Text.Contains("not the host", StringComparison.Ordinal));

        // The caller heard the screener: its voice reached this line at speech level (the fake TTS is a 0.25 sine).
        Assert.True(LoudestFrameRms(call) > 0.12, "the screener's voice (the fake voice's 0.18 RMS sine) reached the caller");
        var structured = studio.OpenAi.Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal) && r.Body.Contains("json_schema", StringComparison.Ordinal));
        Assert.True(structured >= 2, $"{structured} structured extraction requests");

        // Each answer is a playable clip on the card.
        using var clip = await studio.Http.GetAsync(new Uri($"{studio.BaseUrl}/screening/clips/{answers[0].ClipId}.wav"));
        Assert.Equal(System.Net.HttpStatusCode.OK, clip.StatusCode);
        var wav = await clip.Content.ReadAsByteArrayAsync();
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.True(wav.Length > 16_000, $"the clip holds the answer ({wav.Length} bytes)");
    }

    [Fact]
    public async Task HostTakesTheCallerMidQuestion_ScreenerAudioStopsWithin100MsAndTwilioGetsClear()
    {
        // A long greeting: the host takes the caller while the screener is still speaking.
        studio.OpenAi.Speech = body => FakeSpeechReply.ToneFor(new string('x', 150));
        try
        {
            await using var call = await studio.Simulator.PlaceCallAsync(Caller("+15550140002", answers: 0));
            var lineId = await HoldingAsync(call);
            await studio.Engine.WaitForAsync(s => s.Lines.Find(l => l.Id == lineId) is { Screening.Status: ScreeningStatus.Screening }, TimeSpan.FromSeconds(30));
            var greetingFrom = Stopwatch.GetTimestamp();

            // The 0.25 sine of the fake voice (0.18 RMS) over hold music ducked by 30 dB: the screener is talking now.
            await Poll.AssertUntilAsync(() => FramesAfter(call, greetingFrom).Any(rms => rms > 0.12), "the screener is speaking", TimeSpan.FromSeconds(30));
            var clearsBefore = call.Clears;

            var taken = Stopwatch.GetTimestamp();
            await studio.Engine.TakeCallAsync(lineId);

            await Poll.AssertUntilAsync(() => call.Clears > clearsBefore, "Twilio got a clear", TimeSpan.FromSeconds(5));
            var clearAt = call.ClearTimestamps()[clearsBefore];
            Assert.True(Stopwatch.GetElapsedTime(taken, clearAt) < TimeSpan.FromMilliseconds(100), $"clear after {Stopwatch.GetElapsedTime(taken, clearAt).TotalMilliseconds:F0} ms");
            await Poll.AssertUntilAsync(() => call.ReceivedFrames().Count(f => f.ArrivalTimestamp > taken) > 25, "half a second on air", TimeSpan.FromSeconds(10));
            var late = FramesAfter(call, taken + (long)(0.1 * Stopwatch.Frequency));
            Assert.NotEmpty(late);
            Assert.All(late, rms => Assert.True(rms < 0.01, $"screener audio {rms:F3} reached the caller more than 100 ms after the take"));
            await studio.Engine.HangUpAsync(lineId);
        }
        finally
        {
            studio.OpenAi.Speech = body => FakeSpeechReply.ToneFor((string?)body["input"] ?? "");
        }
    }

    [Fact]
    public async Task HumanEditsTheName_TheScreenerNeverOverwritesIt()
    {
        Script("Dave");
        await using var call = await studio.Simulator.PlaceCallAsync(Caller("+15550140003", answers: 2));
        var lineId = await HoldingAsync(call);
        await studio.Engine.WaitForAsync(s => s.Lines.Find(l => l.Id == lineId) is { Name: "Dave" }, TimeSpan.FromSeconds(60));

        await studio.Engine.UpdateCallerDetailsAsync(lineId, "David from Tulsa", null, null);

        var done = await studio.Engine.WaitForAsync(
            s => s.Lines.Find(l => l.Id == lineId) is { Screening.Status: ScreeningStatus.Screened or ScreeningStatus.Incomplete }, TimeSpan.FromSeconds(60));
        var line = done.Lines.Single(l => l.Id == lineId);
        Assert.Equal("David from Tulsa", line.Name);
        Assert.Equal("the county roads", line.Topic);
    }

    [Fact]
    public async Task KnownCaller_IsGreetedByName_AndAskedOnlyForTodaysTopic()
    {
        var directory = studio.Factory.Services.GetRequiredService<ICallerDirectory>();
        await directory.SaveDetailsAsync("+15550140004", "Norma", null);
        studio.OpenAi.Transcription = (_, _) => new FakeTranscriptionReply("I want to talk about the county roads.", TimeSpan.Zero);
        studio.OpenAi.Chat = _ => FakeChatReply.Json(new JsonObject { ["name"] = null, ["topic"] = "the county roads", ["summary"] = null, ["done"] = true });
        await using var call = await studio.Simulator.PlaceCallAsync(Caller("+15550140004", answers: 1));
        var lineId = await HoldingAsync(call);

        var screened = await studio.Engine.WaitForAsync(
            s => s.Lines.Find(l => l.Id == lineId) is { Screening.Status: ScreeningStatus.Screened }, TimeSpan.FromSeconds(60));

        var line = screened.Lines.Single(l => l.Id == lineId);
        Assert.Equal("Norma", line.Name);
        Assert.Equal("the county roads", line.Topic);
        var screener = line.Screening!.Lines.Where(l => l.FromScreener).Select(l => l.Text).ToList();
        Assert.Contains("Norma", screener[0], StringComparison.Ordinal);
        Assert.DoesNotContain(screener, t => t.Contains("your name", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>STT hears "my name is …" then the topic, by order of arrival per call; the model answers the JSON request from the exchange.</summary>
    private void Script(string name)
    {
        var heard = 0;
        studio.OpenAi.Transcription = (_, _) => new FakeTranscriptionReply(
            Interlocked.Increment(ref heard) % 2 == 1 ? $"My name is {name}." : "I want to talk about the county roads.", TimeSpan.Zero);
        studio.OpenAi.Chat = body =>
        {
            var exchange = string.Join('\n', body["messages"]!.AsArray().Select(m => (string?)m!["content"]));
            var topic = exchange.Contains("county roads", StringComparison.Ordinal) ? "the county roads" : null;
            var named = exchange.Contains("My name is", StringComparison.Ordinal) ? name : null;
            return FakeChatReply.Json(new JsonObject
            {
                ["name"] = named,
                ["topic"] = topic,
                ["summary"] = topic is null ? null : $"{name} wants to talk about {topic}.",
                ["done"] = named is not null && topic is not null,
            });
        };
    }

    private SimulatedCallOptions Caller(string from, int answers) => studio.Caller(from) with
    {
        ScreeningAnswers = answers == 0 ? null : [.. Enumerable.Range(0, answers).Select(_ => Answer())],
    };

    /// <summary>A 1.2 s speech-like answer at 8 kHz (what the caller says; the fake STT decides the words).</summary>
    private static float[] Answer() => PolyphaseResampler.ResampleAll(SyntheticSpeech.Burst(1.2, -14), 16_000, 8_000);

    private async Task<string> HoldingAsync(SimulatedCall call)
    {
        Assert.Null(call.RefusedWith);
        var state = await studio.Engine.WaitForAsync(s => s.Lines.Any(l => l.CallSid == call.CallSid && l.Status is LineStatus.Holding or LineStatus.Screened));
        return state.Lines.Single(l => l.CallSid == call.CallSid).Id;
    }

    private static double LoudestFrameRms(SimulatedCall call) => FramesAfter(call, 0).DefaultIfEmpty(0).Max();

    /// <summary>RMS of each received frame that arrived after <paramref name="timestamp"/>.</summary>
    private static List<double> FramesAfter(SimulatedCall call, long timestamp)
    {
        var frames = call.ReceivedFrames();
        var audio = call.ReceivedAudio();
        var codec = StreamCodec.Pcmu;
        var levels = new List<double>();
        var offset = 0;
        foreach (var frame in frames)
        {
            if (offset + frame.PayloadLength > audio.Length)
            {
                break;
            }

            if (frame.ArrivalTimestamp > timestamp)
            {
                var samples = new float[frame.PayloadLength / codec.BytesPerSample];
                codec.Decode(audio.AsSpan(offset, frame.PayloadLength), samples);
                levels.Add(Math.Sqrt(samples.Sum(s => (double)s * s) / Math.Max(samples.Length, 1)));
            }

            offset += frame.PayloadLength;
        }

        return levels;
    }
}
