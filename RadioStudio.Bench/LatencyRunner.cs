using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Simulator;
using RadioStudio.Web.Hosting;

using static RadioStudio.Bench.BenchHelpers;

namespace RadioStudio.Bench;

/// <summary>
/// Caller-to-caller latency through the real studio. The studio (StudioHost.Build, the same composition
/// and pipeline as Program.cs) is hosted in this process on Kestrel, so the bench can take callers to air
/// with the engine's own command; callers still reach it only over loopback HTTP and WebSockets through
/// the phone simulator, exactly like Twilio. Talkers A1..An send silence with 100 ms tone bursts (one
/// frequency each, starting on a frame boundary); listener B sends silence. The latency of a burst is
/// (arrival time of the frame in which B hears its onset + the onset's position in that frame) − (time the
/// frame carrying the burst's first sample was handed to A's socket). A timestamp taken on the audio
/// clock thread right after the graph's block splits it into: waiting in the studio before the block that
/// mixes it (jitter buffer + clock phase), the block's trip to B (send queue + socket), and the onset's
/// position inside B's frame (the resamplers' group delays). Each talker must never hear their own burst.
/// </summary>
internal static class LatencyRunner
{
    internal const int Rate = 8000;
    private const int FrameSamples = 160;
    private const double BurstSeconds = 0.1;
    private const double Amplitude = 0.3;
    private static readonly double[] Frequencies = [600, 850, 1100, 1350, 1600, 1850, 2100, 2350];

    public static async Task<int> RunAsync(string[] args)
    {
        var talkers = Math.Clamp(Option(args, "--talkers", 4), 1, Frequencies.Length);
        var bursts = Option(args, "--bursts", 20);
        var holding = Option(args, "--holding", 0);
        var spacing = Option(args, "--spacing-ms", 1500) / 1000.0;
        const double lead = 8.0; // seconds of silence while everyone is placed and taken to air

        return await InProcessStudio.RunAsync(
            "latency",
            [$"--Twilio:MaxLines={talkers + holding + 10}"],
            (app, baseUrl) => MeasureAsync(app, baseUrl, talkers, bursts, holding, spacing, lead));
    }

    private static async Task<int> MeasureAsync(WebApplication app, string baseUrl, int talkers, int bursts, int holding, double spacing, double lead)
    {
        var engine = app.Services.GetRequiredService<StudioEngine>();
        var phones = app.Services.GetRequiredService<PhoneSystem>();
        var clock = app.Services.GetRequiredService<AudioClock>();
        var graph = app.Services.GetRequiredService<AudioGraph>();
        var ticks = new ClockTickRecorder();
        clock.Add(ticks); // runs after the graph on the clock thread: "the block is mixed and handed to the lines"

        // Burst k belongs to talker k % n, at lead + k × spacing seconds of that talker's own audio.
        var totalSeconds = lead + ((bursts + talkers) * spacing) + 2;
        var audio = new float[talkers][];
        var starts = new List<(int Talker, int Sample)>();
        for (var t = 0; t < talkers; t++)
        {
            audio[t] = new float[(int)(totalSeconds * Rate)];
        }

        for (var k = 0; k < bursts; k++)
        {
            var t = k % talkers;
            var start = (int)((lead + (k * spacing)) * Rate) / FrameSamples * FrameSamples; // on a frame boundary
            for (var i = 0; i < (int)(BurstSeconds * Rate); i++)
            {
                audio[t][start + i] = (float)(Amplitude * Math.Sin(2 * Math.PI * Frequencies[t] * i / Rate));
            }

            starts.Add((t, start));
        }

        using var http = new HttpClient();
        var simulator = new PhoneSimulator(http);
        SimulatedCallOptions Options(string from, float[]? sound, bool record) =>
            new(new Uri(baseUrl), baseUrl, StudioProcess.AccountSid, StudioProcess.AuthToken, from, "+15550100000") { Audio = sound, RecordAudio = record };

        var talkerCalls = new List<SimulatedCall>();
        for (var t = 0; t < talkers; t++)
        {
            talkerCalls.Add(await PlaceAsync(simulator, Options($"+1555030{t:0000}", audio[t], record: true)));
        }

        var listener = await PlaceAsync(simulator, Options("+15550399999", null, record: true));
        var holders = new List<SimulatedCall>();
        for (var h = 0; h < holding; h++)
        {
            holders.Add(await PlaceAsync(simulator, Options($"+1555040{h:0000}", null, record: false)));
        }

        foreach (var call in talkerCalls.Append(listener))
        {
            var lineId = await LineIdAsync(engine, call.CallSid);
            await engine.TakeCallAsync(lineId);
        }

        var lines = talkerCalls.Append(listener).Select(c => phones.Lines.Single(l => l.CallSid == c.CallSid)).ToArray();
        var tookAir = Stopwatch.GetTimestamp();
        var alreadySent = talkerCalls.Max(c => c.SentTimestamps().Length);
        if (alreadySent * FrameSamples >= lead * Rate)
        {
            Console.Error.WriteLine("warning: placing the calls took longer than the lead-in; early bursts may have been sent before everyone was on air");
        }

        // Sample each line's jitter target while the bursts run (it adapts: grows on underruns, shrinks after 30 s stable).
        var targets = new ConcurrentQueue<(long At, int[] Frames, int[] Queued)>();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                targets.Enqueue((Stopwatch.GetTimestamp(), [.. lines.Select(l => l.Inbound.Jitter.TargetFrames)], [.. lines.Select(l => l.Inbound.Jitter.BufferedFrames)]));
                try
                {
                    await Task.Delay(50, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        var clockBefore = clock.Stats.Histogram();
        var remaining = TimeSpan.FromSeconds(totalSeconds) - Stopwatch.GetElapsedTime(tookAir) + TimeSpan.FromSeconds(1);
        Console.Error.WriteLine($"{talkers} talkers + 1 listener on air, {holding} holding; measuring {bursts} bursts for {remaining.TotalSeconds:0} s …");
        await Task.Delay(remaining);
        await sampling.CancelAsync();
        await sampler;
        clock.Remove(ticks);
        var clockAfter = clock.Stats.Histogram();

        var upDelayMs = lines[0].Inbound.ResamplerDelaySamples * 1000.0 / AudioClock.SampleRate;
        var downDelayMs = lines[0].Outbound.DelaySamples * 1000.0 / AudioClock.SampleRate;
        var heard = ReceivedTimeline.Of(listener);
        var self = talkerCalls.Select(ReceivedTimeline.Of).ToArray();
        var sent = talkerCalls.Select(c => c.SentTimestamps()).ToArray();
        var tickTimes = ticks.Snapshot();
        var targetSamples = targets.ToArray();

        var rows = new List<LatencyMeasurement>();
        var misses = new List<string>();
        foreach (var (t, start) in starts)
        {
            var chunk = start / FrameSamples; // index into SentTimestamps
            if (chunk >= sent[t].Length)
            {
                misses.Add($"burst of A{t + 1} at {start / (double)Rate:0.00} s was never sent");
                continue;
            }

            var sentAt = sent[t][chunk];
            var f = Frequencies[t];
            var onset = heard.Onset(sentAt, f);
            if (onset is null)
            {
                misses.Add($"burst of A{t + 1} at {start / (double)Rate:0.00} s ({f} Hz) not heard by B");
                continue;
            }

            var (frameArrival, offsetSamples, level) = onset.Value;
            var latency = Ms(frameArrival - sentAt) + (offsetSamples * 1000.0 / Rate);
            var tick = tickTimes.LastOrDefault(x => x <= frameArrival);
            var sample = targetSamples.LastOrDefault(s => s.At <= sentAt);
            var (target, queued) = sample.Frames is null ? (-1, -1) : (sample.Frames[t], sample.Queued[t]);
            var selfLevel = self[t].Level(sentAt, f);
            var others = talkers > 1 ? self.Where((_, i) => i != t).Min(o => o.Level(sentAt, f)) : double.NaN;
            rows.Add(new LatencyMeasurement(t, latency, Ms(tick - sentAt), Ms(frameArrival - tick), offsetSamples * 1000.0 / Rate, target, queued, level, selfLevel, others));
        }

        var interval = Subtract(clockAfter, clockBefore);
        Console.WriteLine(Report(rows, misses, talkers, holding, upDelayMs, downDelayMs, interval, lines));

        foreach (var call in talkerCalls.Append(listener).Concat(holders))
        {
            await call.HangUpAsync();
            await call.DisposeAsync();
        }

        var selfHeard = rows.Count(r => r.SelfDb > -50);
        var othersDeaf = rows.Count(r => r.OthersDb < r.LevelDb - 6);
        var ok = misses.Count == 0 && rows.Count > 0 && Percentile(rows.Select(r => r.Latency), 0.95) <= 60 && selfHeard == 0 && othersDeaf == 0;
        Console.WriteLine(ok ? "RESULT: all targets met" : "RESULT: a target was missed");
        return ok ? 0 : 1;
    }

    private static string Report(List<LatencyMeasurement> rows, List<string> misses, int talkers, int holding, double upMs, double downMs, long[] clock, PhoneLine[] lines)
    {
        var text = new StringBuilder();
        string Stats(IEnumerable<double> values) => values.Any()
            ? Invariant($"{values.Min():0.0} / {Percentile(values, 0.5):0.0} / {Percentile(values, 0.95):0.0} / {values.Max():0.0}")
            : "–";
        text.AppendLine(Invariant($"{rows.Count} bursts heard of {rows.Count + misses.Count}; {talkers} talkers + 1 listener on air, {holding} holding; resampler group delays: 8→48 kHz {upMs:0.00} ms, 48→8 kHz {downMs:0.00} ms"));
        text.AppendLine();
        text.AppendLine("| caller A → caller B (ms) | min / median / p95 / max |");
        text.AppendLine("|---|---|");
        text.AppendLine(Invariant($"| **total added latency** (target ≤ 60) | **{Stats(rows.Select(r => r.Latency))}** |"));
        var atDefault = rows.Where(r => r.Target == Engine.Audio.Phone.JitterBuffer.DefaultTargetFrames).ToArray();
        text.AppendLine(Invariant($"| total, only bursts sent while the talker's jitter target was the default {Engine.Audio.Phone.JitterBuffer.DefaultTargetFrames} frames ({atDefault.Length} of {rows.Count}) | {Stats(atDefault.Select(r => r.Latency))} |"));
        foreach (var group in rows.Where(r => r.Target != Engine.Audio.Phone.JitterBuffer.DefaultTargetFrames).GroupBy(r => r.Target).OrderBy(g => g.Key))
        {
            text.AppendLine(Invariant($"| total, bursts sent while the target had grown to {group.Key} frames ({group.Count()}) | {Stats(group.Select(r => r.Latency))} |"));
        }

        text.AppendLine(Invariant($"| waiting in the studio until the block that mixes it (jitter buffer + clock phase + block processing) | {Stats(rows.Select(r => r.Wait))} |"));
        text.AppendLine(Invariant($"| block → B's socket (send queue, WebSocket, loopback) | {Stats(rows.Select(r => r.Send))} |"));
        text.AppendLine(Invariant($"| onset's position in B's frame (resampler group delays {upMs + downMs:0.00} ms + onset detection) | {Stats(rows.Select(r => r.Offset))} |"));
        text.AppendLine(Invariant($"| talker's jitter target when the burst was sent (frames) | {Stats(rows.Select(r => (double)r.Target))} |"));
        text.AppendLine(Invariant($"| frames queued in the talker's jitter buffer just before (sampled every 50 ms) | {Stats(rows.Select(r => (double)r.Queued))} |"));
        text.AppendLine(Invariant($"| level of the burst at B (dBFS; sent at {20 * Math.Log10(Amplitude):0.0}) | {Stats(rows.Select(r => r.LevelDb))} |"));
        text.AppendLine(Invariant($"| level at the burst's own frequency in its talker's return, same window (dBFS) | {Stats(rows.Select(r => r.SelfDb))} |"));
        text.AppendLine(Invariant($"| the same in the other talkers' returns, quietest of them (dBFS; they must hear it) | {Stats(rows.Select(r => r.OthersDb))} |"));
        text.AppendLine();
        text.AppendLine("| burst | talker | latency | wait | send | in-frame | target / queued | at B (dBFS) | self (dBFS) | others (dBFS) |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            text.AppendLine(Invariant($"| {i + 1} | A{r.Talker + 1} ({Frequencies[r.Talker]} Hz) | {r.Latency:0.0} | {r.Wait:0.0} | {r.Send:0.0} | {r.Offset:0.0} | {r.Target} / {r.Queued} | {r.LevelDb:0.0} | {r.SelfDb:0.0} | {r.OthersDb:0.0} |"));
        }

        foreach (var miss in misses)
        {
            text.AppendLine("missed: " + miss);
        }

        var total = clock.Sum();
        var within = clock[180..221].Sum();
        text.AppendLine();
        text.AppendLine(Invariant($"AudioClock during the measurement: {total} blocks, {100.0 * within / Math.Max(1, total):0.00} % within 20 ± 2 ms, longest {LastBin(clock) / 10.0:0.0} ms"));
        foreach (var line in lines)
        {
            var s = line.Inbound.Jitter.Stats;
            text.AppendLine(Invariant($"jitter {line.Number}: target now {line.Inbound.Jitter.TargetFrames} frames; {s}"));
        }

        return text.ToString();
    }

    private static async Task<SimulatedCall> PlaceAsync(PhoneSimulator simulator, SimulatedCallOptions options)
    {
        var call = await simulator.PlaceCallAsync(options);
        return call.RefusedWith is { } refused ? throw new InvalidOperationException($"{options.From} refused: {refused}") : call;
    }


    private static long[] Subtract(long[] after, long[] before) => [.. after.Select((a, i) => a - before[i])];

    private static int LastBin(long[] bins) => Array.FindLastIndex(bins, b => b > 0);




}
