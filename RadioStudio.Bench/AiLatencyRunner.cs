using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Show.Turns;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Simulator;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Hosting;

using static RadioStudio.Bench.BenchHelpers;

namespace RadioStudio.Bench;

/// <summary>
/// AI caller latency through the real studio (issue 5). The studio is hosted in this process as the
/// <c>latency</c> runner does, with its LLM, STT and TTS pointed at the tests' fake OpenAI-compatible API
/// (linked, not copied) answering with fixed latencies. One simulated phone caller is on air over the real
/// Twilio protocol, an AI caller is on the line in auto mode (debounce and cooldown 0). Each turn: the host
/// talks into <c>HostMic</c> with push-to-talk held and releases it (end of host speech); the first AI frame the
/// phone caller receives gives the end-to-end time, and the fake's own timeline the provider time. Later in
/// the AI's first sentence, after the model's last token, the host talks over it (barge-in): the first graph
/// block whose AI bus is silent and the phone caller's <c>clear</c> are timed from the host's speech onset; that
/// speech is the next turn's host speech.
/// </summary>
internal static partial class AiLatencyRunner
{
    private const string Reply =
        "I've been listening to your show for years and I finally got through tonight. " +
        "My neighbour keeps a goat on his balcony and it sings at dawn. " +
        "Honestly I think the council should do something about it before summer.";

    private const string HostSays = "So what do you make of that, caller?";
    private const float AiFrameRms = 0.01f; // −40 dBFS: the AI voice arrives at about −15 dBFS, everything else is silent

    // Frames arriving this soon after the release still carry the tail of the host's own voice (in the caller's
    // return); the providers alone take over a second, so no AI audio can be among them.
    private static readonly long HostTail = Stopwatch.Frequency * 3 / 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var turns = Option(args, "--turns", 20);
        var warmup = Option(args, "--warmup", 1);
        var turnWarmUp = !args.Contains("--no-turn-warmup");
        var settings = new Settings(
            Stt: Option(args, "--stt-ms", 100),
            FirstToken: Option(args, "--first-token-ms", 300),
            TokenInterval: 1000 / Option(args, "--tokens-per-second", 20),
            Tts: Option(args, "--tts-ms", 150),
            Utility: Option(args, "--utility-ms", 0),
            HostSpeech: Option(args, "--host-speech-ms", 1200));

        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.Transcription = (_, _) => new FakeTranscriptionReply(HostSays, TimeSpan.FromMilliseconds(settings.Stt));
        fake.Speech = body => FakeSpeechReply.ToneFor((string?)body["input"] ?? "", TimeSpan.FromMilliseconds(settings.Tts));
        fake.Chat = body => (bool?)body["stream"] == true
            ? FakeChatReply.Text(Reply, TimeSpan.FromMilliseconds(settings.FirstToken), TimeSpan.FromMilliseconds(settings.TokenInterval))
            : body.ToJsonString().Contains("Answer only yes or no", StringComparison.Ordinal)
                ? FakeChatReply.Text("yes", TimeSpan.FromMilliseconds(settings.Utility))
                : FakeChatReply.Text("A caller.");

        return await InProcessStudio.RunAsync(
            "ai",
            [
                .. InProcessStudio.FakeProviders(fake.BaseUrl),
                "--AiCallers:RespondDebounceSeconds=0",
                "--AiCallers:CooldownSeconds=0",
                $"--WarmUp:Enabled={turnWarmUp}",
            ],
            (app, baseUrl) => MeasureAsync(app, baseUrl, fake, settings, turns, warmup, turnWarmUp));
    }

    private static async Task<int> MeasureAsync(WebApplication app, string baseUrl, FakeOpenAiServer fake, Settings settings, int turns, int warmup, bool turnWarmUp)
    {
        var engine = app.Services.GetRequiredService<StudioEngine>();
        var phones = app.Services.GetRequiredService<PhoneSystem>();
        var graph = app.Services.GetRequiredService<AudioGraph>();
        var director = app.Services.GetRequiredService<AiDirector>();
        var tap = new MixTap(graph.Buses.IndexOf(new BusId(BusKind.HostMic)), graph.Buses.IndexOf(new BusId(BusKind.AiVoice)));
        var host = new HostVoice();
        var confirmation = host.ConfirmationTime();
        _ = graph.HostMic.Play(host);
        graph.AddOutput(tap);

        using var http = new HttpClient();
        var simulator = new PhoneSimulator(http);
        var phone = await simulator.PlaceCallAsync(new SimulatedCallOptions(
            new Uri(baseUrl), baseUrl, StudioProcess.AccountSid, StudioProcess.AuthToken, "+15550301234", "+15550100000") { RecordAudio = true });
        if (phone.RefusedWith is { } refused)
        {
            throw new InvalidOperationException("The phone caller was refused: " + refused);
        }

        var lineId = await LineIdAsync(engine, phone.CallSid);
        await engine.TakeCallAsync(lineId);
        await engine.SetRespondModeAsync(RespondMode.Auto);
        await director.CallAsync(1);
        for (var i = 0; i < 500 && engine.Current.Ai is not { ActiveSlot: 1, Phase: AiPhase.Listening }; i++)
        {
            await Task.Delay(20);
        }

        Console.Error.WriteLine($"on air: 1 phone caller, AI caller {engine.Current.AiCallers[0].Name} (auto mode); the endpointer confirms the host's voice after {confirmation.TotalMilliseconds:0} ms of it");
        await Task.Delay(1000); // let the clock, sockets and JIT settle

        var rows = new List<TurnRow>();
        var barges = new List<BargeRow>();
        var problems = new List<string>();
        var firstSentenceTokens = FakeChatReply.Words(Reply[..(Reply.IndexOf('.', StringComparison.Ordinal) + 1)]).Count;
        var replyTokens = FakeChatReply.Words(Reply).Count;

        // Turn 0's host speech; every later turn's host speech is the previous turn's barge-in.
        director.PushToTalk(true);
        await Task.Delay(100);
        host.Start();
        for (var turn = 0; turn < warmup + turns; turn++)
        {
            await Task.Delay(settings.HostSpeech);
            var lastTurn = engine.Current.Ai.LastTurn;
            var end = Stopwatch.GetTimestamp();
            host.Stop();
            director.PushToTalk(false);

            // Wait for the AI's first frame at the phone caller, then for the model to finish.
            var first = await FirstAiFrameAsync(phone, end, TimeSpan.FromSeconds(10));
            if (first is null)
            {
                problems.Add($"turn {turn + 1}: no AI audio reached the phone caller within 10 s");
                director.PushToTalk(true);
                host.Start();
                continue;
            }

            var llmDone = await WaitForEventAsync(fake, "chat.done", end, TimeSpan.FromSeconds(10));
            var bargeAt = Math.Max(llmDone ?? 0, first.Value.Arrival + Stopwatch.Frequency) + (Stopwatch.Frequency / 5);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), bargeAt);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            // Barge-in: push-to-talk, then speech 100 ms later (the onset); this is also the next turn's host speech.
            director.PushToTalk(true);
            await Task.Delay(100);
            var onset = Stopwatch.GetTimestamp();
            host.Start();
            await Task.Delay(500);
            var blocks = tap.Snapshot();
            rows.Add(Turn(turn, end, first.Value, blocks, fake.Timeline, firstSentenceTokens, replyTokens, settings, problems));
            barges.Add(Barge(turn, onset, blocks, phone.ClearTimestamps(), problems));

            var deadline = Stopwatch.GetTimestamp() + (3 * Stopwatch.Frequency);
            while (ReferenceEquals(engine.Current.Ai.LastTurn, lastTurn) && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(20);
            }

            rows[^1] = rows[^1] with { Logged = ReferenceEquals(engine.Current.Ai.LastTurn, lastTurn) ? null : engine.Current.Ai.LastTurn };
            var r = rows[^1];
            var st = r.Stages;
            Console.Error.WriteLine(Invariant($"turn {turn + 1}{(turn < warmup ? " (warm-up)" : "")}: end-to-end {r.EndToEnd:0.0} ms, overhead {r.Overhead:0.0} ms [release→STT {st.ToStt:0.0}, STT→LLM {st.SttToLlm:0.0} (should-respond→LLM {st.Utility:0.0}), token→TTS {st.SentenceToTts:0.0}, audio→block {st.TtsToBlock:0.0}, block→phone {st.BlockToPhone:0.0}]; barge-in silent {barges[^1].Silent:0.0} ms, clear {barges[^1].Clear:0.0} ms; logged {r.Logged?.Outcome ?? "–"}"));
        }

        host.Stop();
        director.PushToTalk(false);
        await Task.Delay(300);
        await director.HangUpAsync();
        await phone.HangUpAsync();
        await phone.DisposeAsync();

        TurnRow? firstTurn = null;
        if (warmup > 0 && rows.Count > warmup)
        {
            firstTurn = rows[0];
            Console.WriteLine(Invariant($"First turn of this studio process (excluded below; target: overhead <= 80 ms): end-to-end {rows[0].EndToEnd:0.0} ms, overhead {rows[0].Overhead:0.0} ms [release→STT {rows[0].Stages.ToStt:0.0}, STT→LLM {rows[0].Stages.SttToLlm:0.0}, token→TTS {rows[0].Stages.SentenceToTts:0.0}, audio→block {rows[0].Stages.TtsToBlock:0.0}, block→phone {rows[0].Stages.BlockToPhone:0.0}]; turn-path warm-up {(turnWarmUp ? "on" : "off")}."));
            rows.RemoveRange(0, warmup);
            barges.RemoveRange(0, warmup);
        }

        Console.WriteLine(Report(rows, barges, problems, settings, confirmation, firstSentenceTokens, replyTokens));
        var ok = problems.Count == 0 && rows.Count == turns
            && rows.All(r => r.Overhead <= 80 && r.BeforeLastToken > 0) && barges.All(b => b.Silent <= 150 && b.Clear <= 150)
            && (firstTurn is null || firstTurn.Overhead <= 80);
        Console.WriteLine(ok ? "RESULT: all targets met" : "RESULT: a target was missed");
        return ok ? 0 : 1;
    }

    private static async Task<(long Arrival, double Rms)?> FirstAiFrameAsync(SimulatedCall phone, long after, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var checkedFrames = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var frames = phone.ReceivedFrames();
            var audio = phone.ReceivedAudio();
            var offset = 0;
            for (var i = 0; i < frames.Length && offset + frames[i].PayloadLength <= audio.Length; i++)
            {
                var length = frames[i].PayloadLength;
                if (i >= checkedFrames && frames[i].ArrivalTimestamp > after + HostTail)
                {
                    var rms = Rms(audio.AsSpan(offset, length));
                    if (rms > AiFrameRms)
                    {
                        return (frames[i].ArrivalTimestamp, rms);
                    }

                    checkedFrames = i + 1;
                }

                offset += length;
            }

            await Task.Delay(5);
        }

        return null;
    }

    private static async Task<long?> WaitForEventAsync(FakeOpenAiServer fake, string what, long after, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var hit = fake.Timeline.FirstOrDefault(e => e.Event == what && e.Timestamp > after);
            if (hit.Timestamp != 0)
            {
                return hit.Timestamp;
            }

            await Task.Delay(10);
        }

        return null;
    }
}
