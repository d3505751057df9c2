using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.Show.Turns;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony.Simulator;
using RadioStudio.Tests.Engine.Speech;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Hosting;

using static RadioStudio.Bench.BenchHelpers;

namespace RadioStudio.Bench;

/// <summary>
/// <c>-- screening [--callers 12] [--stt-ms 300] [--llm-ms 600] [--tts-ms 200]</c>: the AI screener under load, in the
/// real studio hosted in this process with its providers pointed at the fake OpenAI-compatible server (fixed
/// latencies). One phone caller is on air with an AI caller talking turn after turn; meanwhile N callers ring in
/// half a second apart over the real Twilio protocol and each answers the screener's questions (a name, then a
/// topic: the fake STT tells them apart by length). Reports, per caller, ringing → screened and last answer →
/// screened (p50/p90/max), how many were screened, and the audio clock's statistics over the run.
/// </summary>
internal static class ScreeningLoadRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var callers = Option(args, "--callers", 12);
        var sttMs = Option(args, "--stt-ms", 300);
        var llmMs = Option(args, "--llm-ms", 600);
        var ttsMs = Option(args, "--tts-ms", 200);
        var name = PolyphaseResampler.ResampleAll(SyntheticSpeech.Burst(1.0, -14), 16_000, 8_000);
        var topic = PolyphaseResampler.ResampleAll(SyntheticSpeech.Burst(2.0, -14), 16_000, 8_000);

        await using var fake = await FakeOpenAiServer.StartAsync();
        // A short upload is the name, a long one the topic (the answers are 1.0 s and 2.0 s of speech: about 45 and 77 KB of 16 kHz WAV with the pre-roll).
        fake.Transcription = (bytes, _) => new FakeTranscriptionReply(
            bytes < 62_000 ? "My name is Dave." : "I want to talk about the county roads.", TimeSpan.FromMilliseconds(sttMs));
        fake.Speech = body => FakeSpeechReply.ToneFor((string?)body["input"] ?? "", TimeSpan.FromMilliseconds(ttsMs));
        fake.Chat = body => FakeChatReply.IsStructured(body) ? Extraction(body, llmMs) : (bool?)body["stream"] == true
            ? FakeChatReply.Text("Well, the roads out by the county line are a mess again tonight. Somebody has to say it.", TimeSpan.FromMilliseconds(llmMs), TimeSpan.FromMilliseconds(40))
            : FakeChatReply.Text("A caller.");

        return await InProcessStudio.RunAsync(
            "screening",
            [.. InProcessStudio.FakeProviders(fake.BaseUrl), "--Screening:Enabled=true", "--AiCallers:RespondDebounceSeconds=0", "--AiCallers:CooldownSeconds=0"],
            (app, baseUrl) => MeasureAsync(app, baseUrl, callers, name, topic));
    }

    private static FakeChatReply Extraction(JsonObject body, int llmMs)
    {
        var exchange = string.Join('\n', body["messages"]!.AsArray().Select(m => (string?)m!["content"]));
        var named = exchange.Contains("My name is", StringComparison.Ordinal) ? "Dave" : null;
        var topic = exchange.Contains("county roads", StringComparison.Ordinal) ? "the county roads" : null;
        return FakeChatReply.Json(
            new JsonObject { ["name"] = named, ["topic"] = topic, ["summary"] = null, ["done"] = named is not null && topic is not null },
            TimeSpan.FromMilliseconds(llmMs));
    }

    private static async Task<int> MeasureAsync(WebApplication app, string baseUrl, int callers, float[] name, float[] topic)
    {
        var engine = app.Services.GetRequiredService<StudioEngine>();
        var director = app.Services.GetRequiredService<AiDirector>();
        var clock = app.Services.GetRequiredService<AudioClock>();
        using var http = new HttpClient();
        var simulator = new PhoneSimulator(http);
        SimulatedCallOptions Options(string from) =>
            new(new Uri(baseUrl), baseUrl, StudioProcess.AccountSid, StudioProcess.AuthToken, from, "+15550100000") { RecordAudio = false };

        // On air: one phone caller and an AI caller who keeps talking.
        var onAir = await simulator.PlaceCallAsync(Options("+15550309999"));
        string? onAirLine = null;
        for (var i = 0; i < 500 && onAirLine is null; i++)
        {
            onAirLine = engine.Current.Lines.Find(l => l.CallSid == onAir.CallSid && l.IsQueued && l.Status != LineStatus.Ringing)?.Id;
            await Task.Delay(20);
        }

        if (onAirLine is null)
        {
            throw new InvalidOperationException("The on-air phone caller never reached the queue.");
        }

        await engine.TakeCallAsync(onAirLine);
        await director.CallAsync(1);
        using var talking = new CancellationTokenSource();
        var aiTurns = Task.Run(async () =>
        {
            while (!talking.IsCancellationRequested)
            {
                await director.LetThemRespondAsync(talking.Token);
                await director.CurrentTurn.WaitAsync(talking.Token);
            }
        });

        var screenedAt = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var watch = engine.Subscribe(state =>
        {
            foreach (var line in state.Lines.Where(l => l.Screening?.Status == ScreeningStatus.Screened))
            {
                screenedAt.TryAdd(line.CallSid, Stopwatch.GetTimestamp());
            }

            return Task.CompletedTask;
        }, TimeSpan.Zero);

        var blocksBefore = clock.Stats.Blocks;
        var lateBefore = clock.Stats.Late;
        var rang = new Dictionary<string, long>(StringComparer.Ordinal);
        var calls = new List<SimulatedCall>();
        for (var i = 0; i < callers; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var call = await simulator.PlaceCallAsync(Options($"+1555031{i:0000}") with { ScreeningAnswers = [name, topic] });
            rang[call.CallSid] = started;
            calls.Add(call);
            await Task.Delay(500);
        }

        var deadline = Stopwatch.GetTimestamp() + (120 * Stopwatch.Frequency);
        while (screenedAt.Count < callers && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(200);
        }

        var state = engine.Current;
        var fromRinging = new List<double>();
        var fromAnswer = new List<double>();
        foreach (var (sid, at) in screenedAt)
        {
            if (!rang.TryGetValue(sid, out var start))
            {
                continue;
            }

            fromRinging.Add(Stopwatch.GetElapsedTime(start, at).TotalSeconds);
            var lastAnswer = state.Lines.Find(l => l.CallSid == sid)?.Screening?.Lines.LastOrDefault(l => !l.FromScreener)?.At;
            if (lastAnswer is { } answered)
            {
                var screenedUtc = DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(at);
                fromAnswer.Add((screenedUtc - answered).TotalSeconds);
            }
        }

        if (calls.Count > 0 && state.Lines.Find(l => l.CallSid == calls[0].CallSid) is { Screening: { } first } firstLine)
        {
            Console.Error.WriteLine("first caller's exchange (seconds from ringing): " + string.Join(" | ", first.Lines.Select(l =>
                $"{(l.At - firstLine.Arrived).TotalSeconds:F1} {(l.FromScreener ? "S" : "C")}: {l.Text}")));
        }

        foreach (var call in calls.Where(c => !screenedAt.ContainsKey(c.CallSid)))
        {
            var line = state.Lines.Find(l => l.CallSid == call.CallSid);
            var exchange = line?.Screening is { } screening
                ? string.Join(" | ", screening.Lines.Select(l => (l.FromScreener ? "S: " : "C: ") + l.Text))
                : "no screening";
            Console.Error.WriteLine($"not screened: {call.CallSid[..8]} {line?.Status} {line?.Screening?.Status} answered {call.Answerer?.Answered}: {exchange}");
        }

        await talking.CancelAsync();
        await aiTurns.ContinueWith(_ => { }, TaskScheduler.Default);
        var blocks = clock.Stats.Blocks - blocksBefore;
        var late = clock.Stats.Late - lateBefore;
        var within = clock.Stats.ShareWithin(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(2));
        string Seconds(List<double> values, double p) => values.Count == 0 ? "—" : Percentile(values, p).ToString("F1", CultureInfo.InvariantCulture) + " s";
        Console.WriteLine($"| callers | screened | ringing → screened p50 / p90 / max | last answer → screened p50 / p90 | clock blocks | late > 2 ms | within 20 ± 2 ms | AI turns alongside |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {callers} | {screenedAt.Count} | {Seconds(fromRinging, 0.5)} / {Seconds(fromRinging, 0.9)} / {Seconds(fromRinging, 1)} | {Seconds(fromAnswer, 0.5)} / {Seconds(fromAnswer, 0.9)} | {blocks} | {late} | {within:P2} | {state.Ai.LastTurn?.Outcome ?? "none"} |"));
        foreach (var call in calls)
        {
            await call.DisposeAsync();
        }

        await onAir.DisposeAsync();
        var ok = screenedAt.Count == callers && fromRinging.Count > 0 && Percentile(fromRinging, 0.9) <= 30;
        Console.WriteLine(ok ? "PASS: every caller screened, p90 from ringing ≤ 30 s" : "FAIL");
        return ok ? 0 : 1;
    }
}
