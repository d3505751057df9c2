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

/// <summary>The ai runner's per-turn rows and its report.</summary>
internal static partial class AiLatencyRunner
{
    private static TurnRow Turn(
        int turn, long end, (long Arrival, double Rms) first, MixTap.Block[] blocks, IReadOnlyList<(string Event, int Index, long Timestamp)> timeline,
        int firstSentenceTokens, int replyTokens, Settings settings, List<string> problems)
    {
        long At(string what, long after, int index = -1) =>
            timeline.FirstOrDefault(e => e.Event == what && e.Timestamp >= after && (index < 0 || e.Index == index)).Timestamp;

        var sttRequest = At("stt.request", end);
        var sttReply = At("stt.reply", sttRequest);
        var utility = At("chat.plain", sttReply);
        var chat = At("chat.stream", sttReply);
        var sentenceToken = At("chat.token", chat, firstSentenceTokens - 1);
        var lastToken = At("chat.token", chat, replyTokens - 1);
        var ttsRequest = At("tts.request", chat);
        var ttsAudio = At("tts.audio", ttsRequest, 0);
        if (new[] { sttRequest, sttReply, chat, sentenceToken, lastToken, ttsRequest, ttsAudio }.Any(t => t == 0))
        {
            problems.Add($"turn {turn + 1}: the fake's timeline is incomplete");
        }

        var aiBlock = blocks.FirstOrDefault(b => b.At > end && b.AiRms > 0);
        var provider = Ms(sttReply - sttRequest) + Ms(sentenceToken - chat) + Ms(ttsAudio - ttsRequest);
        var nominal = settings.Stt + settings.FirstToken + ((firstSentenceTokens - 1) * settings.TokenInterval) + settings.Tts;
        var e2e = Ms(first.Arrival - end);
        return new TurnRow(
            e2e, provider, nominal, e2e - provider,
            Stages: new Stages(
                ToStt: Ms(sttRequest - end), Stt: Ms(sttReply - sttRequest), SttToLlm: Ms(chat - sttReply),
                Utility: utility != 0 && utility < chat ? Ms(chat - utility) : double.NaN,
                Sentence: Ms(sentenceToken - chat), SentenceToTts: Ms(ttsRequest - sentenceToken), Tts: Ms(ttsAudio - ttsRequest),
                TtsToBlock: Ms(aiBlock.At - ttsAudio), BlockToPhone: Ms(first.Arrival - aiBlock.At)),
            BeforeLastToken: Ms(lastToken - first.Arrival), AiLevelDb: 20 * Math.Log10(first.Rms), Logged: null);
    }

    private static BargeRow Barge(int turn, long onset, MixTap.Block[] blocks, long[] clears, List<string> problems)
    {
        var before = blocks.LastOrDefault(b => b.At <= onset);
        if (before.AiRms <= 0)
        {
            problems.Add($"turn {turn + 1}: the AI was not speaking when the host barged in");
        }

        var entered = blocks.FirstOrDefault(b => b.At > onset && b.HostRms > 0);
        var silent = blocks.FirstOrDefault(b => b.At > onset && b.AiRms == 0);
        var clear = clears.FirstOrDefault(c => c > onset);
        if (silent.At == 0 || clear == 0)
        {
            problems.Add($"turn {turn + 1}: barge-in not seen (silent block {silent.At != 0}, clear {clear != 0})");
        }

        return new BargeRow(Ms(entered.At - onset), Ms(silent.At - onset), Ms(clear - onset), silent.Index - entered.Index);
    }

    private static string Report(List<TurnRow> rows, List<BargeRow> barges, List<string> problems, Settings s, TimeSpan confirmation, int sentenceTokens, int replyTokens)
    {
        var text = new StringBuilder();
        string Stats(IEnumerable<double> values)
        {
            var v = values.Where(x => !double.IsNaN(x)).ToArray();
            return v.Length == 0 ? "–" : Invariant($"{v.Min():0.0} / {Percentile(v, 0.5):0.0} / {Percentile(v, 0.95):0.0} / {v.Max():0.0}");
        }

        string Logged(Func<TurnLatency, TimeSpan?> stage) =>
            Stats(rows.Select(r => r.Logged is { } l && stage(l) is { } t ? t.TotalMilliseconds : double.NaN));

        text.AppendLine(Invariant($"Fake providers: STT {s.Stt} ms; LLM first token {s.FirstToken} ms then one token every {s.TokenInterval} ms ({1000 / s.TokenInterval} tok/s), reply {replyTokens} tokens in 3 sentences, the first {sentenceTokens} tokens; should-respond (utility model) {s.Utility} ms; TTS first audio {s.Tts} ms."));
        text.AppendLine(Invariant($"Nominal provider time to the first AI audio: {s.Stt} + {s.FirstToken} + {sentenceTokens - 1} × {s.TokenInterval} + {s.Tts} = {rows.FirstOrDefault()?.Nominal ?? 0:0} ms. Host speech {s.HostSpeech} ms per turn; the endpointer confirms this voice after {confirmation.TotalMilliseconds:0} ms of it."));
        text.AppendLine(Invariant($"{rows.Count} turns, {barges.Count} barge-ins."));
        text.AppendLine();
        text.AppendLine("| end of host speech → first AI audio at the phone caller (ms) | min / median / p95 / max |");
        text.AppendLine("|---|---|");
        text.AppendLine(Invariant($"| end-to-end (push-to-talk released → first AI frame received by the simulated caller) | {Stats(rows.Select(r => r.EndToEnd))} |"));
        text.AppendLine(Invariant($"| provider time, as the fake served it (STT + LLM to the first sentence's last token + TTS first audio) | {Stats(rows.Select(r => r.Provider))} |"));
        text.AppendLine(Invariant($"| **pipeline overhead** = end-to-end − provider time (target ≤ 80) | **{Stats(rows.Select(r => r.Overhead))}** |"));
        text.AppendLine(Invariant($"| first AI audio at the caller → the LLM's last token (> 0: spoken while the model still streams) | {Stats(rows.Select(r => r.BeforeLastToken))} |"));
        text.AppendLine(Invariant($"| level of that first AI frame (dBFS) | {Stats(rows.Select(r => r.AiLevelDb))} |"));
        text.AppendLine();
        text.AppendLine("| stage (ms, from the fake's and the tap's timestamps) | min / median / p95 / max |");
        text.AppendLine("|---|---|");
        text.AppendLine(Invariant($"| release → STT request read by the fake (listener notices the release, segment → WAV, upload) | {Stats(rows.Select(r => r.Stages.ToStt))} |"));
        text.AppendLine(Invariant($"| STT (fake) | {Stats(rows.Select(r => r.Stages.Stt))} |"));
        text.AppendLine(Invariant($"| STT reply → dialogue request read (transcript entry, should-respond round trip, turn start) | {Stats(rows.Select(r => r.Stages.SttToLlm))} |"));
        text.AppendLine(Invariant($"| … of which should-respond request → dialogue request | {Stats(rows.Select(r => r.Stages.Utility))} |"));
        text.AppendLine(Invariant($"| dialogue request → first sentence's last token flushed (fake) | {Stats(rows.Select(r => r.Stages.Sentence))} |"));
        text.AppendLine(Invariant($"| that token → TTS request read (SSE parse, sentence split, TTS request) | {Stats(rows.Select(r => r.Stages.SentenceToTts))} |"));
        text.AppendLine(Invariant($"| TTS request → first audio chunk flushed (fake) | {Stats(rows.Select(r => r.Stages.Tts))} |"));
        text.AppendLine(Invariant($"| first audio chunk → first graph block with AI audio (client read, resample, next block) | {Stats(rows.Select(r => r.Stages.TtsToBlock))} |"));
        text.AppendLine(Invariant($"| that block → frame received by the phone caller | {Stats(rows.Select(r => r.Stages.BlockToPhone))} |"));
        text.AppendLine();
        text.AppendLine("| the studio's own TurnLatency (ms, from the listener's end of speech) | min / median / p95 / max |");
        text.AppendLine("|---|---|");
        text.AppendLine(Invariant($"| SpeechToTextFinal | {Logged(l => l.SpeechToTextFinal)} |"));
        text.AppendLine(Invariant($"| LlmFirstToken | {Logged(l => l.LlmFirstToken)} |"));
        text.AppendLine(Invariant($"| FirstSentence | {Logged(l => l.FirstSentence)} |"));
        text.AppendLine(Invariant($"| TextToSpeechFirstAudio | {Logged(l => l.TextToSpeechFirstAudio)} |"));
        text.AppendLine(Invariant($"| OnAir | {Logged(l => l.OnAir)} |"));
        text.AppendLine(Invariant($"| outcomes: {string.Join(", ", rows.GroupBy(r => r.Logged?.Outcome ?? "not logged").Select(g => $"{g.Key} {g.Count()}"))} | |"));
        text.AppendLine();
        text.AppendLine("| barge-in: host speech onset → (ms) | min / median / p95 / max |");
        text.AppendLine("|---|---|");
        text.AppendLine(Invariant($"| first graph block carrying the host's voice (clock phase) | {Stats(barges.Select(b => b.Entered))} |"));
        text.AppendLine(Invariant($"| **first graph block with the AI bus silent** (every output, phone returns included; target ≤ 150) | **{Stats(barges.Select(b => b.Silent))}** |"));
        text.AppendLine(Invariant($"| **Twilio `clear` received by the phone caller** (target ≤ 150) | **{Stats(barges.Select(b => b.Clear))}** |"));
        text.AppendLine(Invariant($"| blocks from the host's first block to the silent one | {Stats(barges.Select(b => (double)b.Blocks))} |"));
        foreach (var problem in problems)
        {
            text.AppendLine("problem: " + problem);
        }

        return text.ToString();
    }

    private sealed record Settings(int Stt, int FirstToken, int TokenInterval, int Tts, int Utility, int HostSpeech);

    private sealed record Stages(double ToStt, double Stt, double SttToLlm, double Utility, double Sentence, double SentenceToTts, double Tts, double TtsToBlock, double BlockToPhone);

    private sealed record TurnRow(double EndToEnd, double Provider, double Nominal, double Overhead, Stages Stages, double BeforeLastToken, double AiLevelDb, TurnLatency? Logged);

    private sealed record BargeRow(double Entered, double Silent, double Clear, long Blocks);
}
