using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using RadioStudio.Engine.Telephony.Simulator;

namespace RadioStudio.Bench;

/// <summary>
/// N simulated callers stream into the real studio for S seconds over loopback WebSockets. Reports whether
/// any socket dropped, whether every inbound frame was accounted for (the studio's own per-stream count
/// against what each caller sent), the outbound pacing each caller saw, and the studio's CPU and memory per line.
/// </summary>
internal static partial class PhoneLoadRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var callers = Option(args, "--callers", 50);
        var seconds = Option(args, "--seconds", 60);
        var nice = Option(args, "--callers-nice", 10);
        using var probe = await ProbeProcess.StartAsync(seconds + 600);
        await using var studio = await StudioProcess.StartAsync(callers + 10);
        var lowered = CallerPriority.Lower(nice);
        using var http = new HttpClient();
        var simulator = new PhoneSimulator(http);
        var (idleCpu, idleRss) = (studio.CpuSeconds(), studio.ResidentMiB());
        var tone = Enumerable.Range(0, 8000).Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * 440 * i / 8000))).ToArray();

        var calls = new List<SimulatedCall>();
        for (var i = 0; i < callers; i++)
        {
            var call = await simulator.PlaceCallAsync(new SimulatedCallOptions(
                new Uri(studio.BaseUrl), studio.BaseUrl, StudioProcess.AccountSid, StudioProcess.AuthToken, $"+1555020{i:0000}", "+15550100000")
            { Audio = tone, LoopAudio = true, RecordAudio = false });
            if (call.RefusedWith is { } refused)
            {
                throw new InvalidOperationException($"call {i} refused: {refused}");
            }

            calls.Add(call);
        }

        await Task.Delay(TimeSpan.FromSeconds(3)); // every caller holding, hold music flowing
        var (cpu0, t0, utc0) = (studio.CpuSeconds(), Stopwatch.GetTimestamp(), TimeProvider.System.GetUtcNow().UtcDateTime);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var (cpu1, t1, rss, utc1) = (studio.CpuSeconds(), Stopwatch.GetTimestamp(), studio.ResidentMiB(), TimeProvider.System.GetUtcNow().UtcDateTime);
        var window = Stopwatch.GetElapsedTime(t0, t1).TotalSeconds;
        var droppedCalls = calls.Where(c => c.Ended.IsCompleted).Select(c => $"{c.CallSid} ({c.Ended.Result})").ToList();
        var dropped = droppedCalls.Count;

        var rates = new List<double>();
        var gaps = new List<double>();
        foreach (var call in calls)
        {
            var frames = call.ReceivedFrames().Where(f => f.ArrivalTimestamp >= t0 && f.ArrivalTimestamp <= t1).ToArray();
            rates.Add(frames.Length / window);
            gaps.AddRange(frames.Zip(frames.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a.ArrivalTimestamp, b.ArrivalTimestamp).TotalMilliseconds));
        }

        foreach (var call in calls)
        {
            await call.HangUpAsync();
        }

        var accounted = await CountAccountedAsync(studio, calls);
        var stopped = await studio.StopGracefullyAsync(TimeSpan.FromSeconds(30));
        var clock = ClockReport.From(studio.Output, stopped);
        var probeOutput = await probe.StopAsync();
        var stalls = LateBlockAttribution.ParseStalls(probeOutput, utc0);
        var late = LateBlockAttribution.Attribute(studio.Output, stalls, utc0, (utc0, utc1), Environment.ProcessorCount);
        var windowBlocks = (long)Math.Round(window * 50);
        gaps.Sort();
        var report = string.Create(CultureInfo.InvariantCulture, $"""
            | measure | result |
            |---|---|
            | callers streaming at once | {callers} for {window:0.0} s |
            | sockets dropped | {dropped} |
            | inbound frames accounted for (studio count = caller count) | {accounted} of {callers} calls |
            | outbound rate per caller (frames/s): min / mean / max | {rates.Min():0.00} / {rates.Average():0.00} / {rates.Max():0.00} (target 50 ± 1) |
            | outbound inter-frame gap (ms): p50 / p99 / max | {Percentile(gaps, 0.50):0.0} / {Percentile(gaps, 0.99):0.0} / {gaps[^1]:0.0} (target p99 ≤ 40) |
            | studio CPU | {100 * (cpu1 - cpu0) / window:0.0} % of one core in total, {100 * (cpu1 - cpu0) / window / callers:0.00} % per line (idle before calls: {idleCpu:0.0} s used at start-up) |
            | studio memory (RSS) | {idleRss:0} MiB idle → {rss:0} MiB with {callers} lines: {(rss - idleRss) / callers:0.00} MiB per line |
            | simulated callers (this process) | nice {nice} on {lowered} threads: the phone network is not on the studio's cores in a show |
            """);
        Console.WriteLine(report);
        Console.WriteLine();
        Console.WriteLine(clock.Report);
        Console.WriteLine();
        Console.WriteLine(LateBlockAttribution.Report(late, probeOutput.Where(l => l.StartsWith("probe ", StringComparison.Ordinal)), windowBlocks));
        foreach (var line in studio.Output.Where(l => l.Contains("Audio clock thread:", StringComparison.Ordinal) || l.Contains("Audio clock standby thread:", StringComparison.Ordinal) || l.Contains("Audio clock GC:", StringComparison.Ordinal) || l.Contains("Audio clock suspensions:", StringComparison.Ordinal) || l.Contains("Audio graph slow block", StringComparison.Ordinal)))
        {
            Console.WriteLine(LateBlockAttribution.WithStalls(line.Trim(), stalls, utc0));
        }

        // The clock target holds when, with every line streaming, no block was late for a reason inside the studio.
        var clockOk = !late.Any(b => b.InWindow && b.Cause != "platform");
        var ok = dropped == 0 && accounted == callers && rates.Min() >= 49 && rates.Max() <= 51 && Percentile(gaps, 0.99) <= 40 && clockOk;
        Console.WriteLine(ok ? "RESULT: all targets met" : "RESULT: a target was missed");
        if (!ok)
        {
            foreach (var line in studio.Output.Where(l => l.Contains("warn", StringComparison.Ordinal) || l.Contains("fail", StringComparison.Ordinal)).Take(40))
            {
                Console.WriteLine("studio> " + line);
            }

            Console.WriteLine("dropped before hang-up: " + (dropped == 0 ? "none" : string.Join(", ", droppedCalls)));
        }
        return ok ? 0 : 1;
    }

    private static async Task<int> CountAccountedAsync(StudioProcess studio, List<SimulatedCall> calls)
    {
        // The studio logs one "Media stream … ended" line per stream with its own count of accepted frames.
        Dictionary<string, long> Counted(IEnumerable<string> lines) => SessionEnded().Matches(string.Join('\n', lines))
            .GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => long.Parse(g.Last().Groups[2].Value, CultureInfo.InvariantCulture));
        await studio.WaitForOutputAsync(lines => Counted(lines).Count >= calls.Count, TimeSpan.FromSeconds(30));
        var counted = Counted(studio.Output);
        return calls.Count(c => counted.TryGetValue(c.CallSid, out var received) && received == c.FramesSent);
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    [GeneratedRegex(@"Media stream for (CA[0-9a-f]+) ended \(\w+\): (\d+) frames in")]
    private static partial Regex SessionEnded();
}
