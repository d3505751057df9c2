using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Audio.Graph;

/// <summary>
/// What the audio service says about the clock: at start how the runtime is set up for it (gen0 budget, W^X), at
/// shutdown how steadily it ran (a debug line with the whole interval histogram, the collections), and with
/// <c>Audio:DiagnoseClock</c> one line per late or slow block with what overlapped it. Logged under the audio
/// service's category.
/// </summary>
internal static partial class ClockDiagnostics
{
    /// <summary>
    /// One line at shutdown with how steadily the clock ran, including the whole interval histogram
    /// (non-empty 0.1 ms bins as bin:count) so a load run can report the distribution without an endpoint.
    /// </summary>
    public static void ClockSummary(ILogger logger, AudioClockStats stats, AudioGraphStats graph)
    {
        // A diagnostic, shown only when asked for (Logging:LogLevel:RadioStudio.Engine.Audio.Graph.AudioService = Debug).
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var bins = stats.Histogram();
        var histogram = string.Join(
            ' ',
            bins.Select((count, bin) => (count, bin)).Where(b => b.count > 0).Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.bin}:{b.count}")));
        var within = stats.ShareWithin(AudioClock.BlockDuration, TimeSpan.FromMilliseconds(2));
        Log.ClockStats(logger, stats.Blocks, within * 100, stats.MaxInterval.TotalMilliseconds, stats.Skipped, stats.Faults, graph.Mean.TotalMilliseconds, graph.Max.TotalMilliseconds, histogram);
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration().TotalMilliseconds;
        var allocatedMiB = GC.GetTotalAllocatedBytes() / 1048576.0;
        Log.ClockCollections(logger, stats.Late, stats.LateWithCollection, gen0, gen1, gen2, pause, allocatedMiB);
    }

    /// <summary>
    /// With W^X (the runtime's default) code the JIT compiles later — the optimised versions of the clock's hot
    /// methods — is written through one mapping and run through another, so its first run on the clock thread takes
    /// page faults (9 in one 29 ms block here). The run profile turns it off (runbook "Executable memory").
    /// </summary>
    public static void CodeMapping(ILogger logger)
    {
        if (Environment.GetEnvironmentVariable("DOTNET_EnableWriteXorExecute") == "0")
        {
            Log.WriteXorExecuteOff(logger);
        }
        else
        {
            Log.WriteXorExecuteOn(logger);
        }
    }

    /// <summary>
    /// Every collection stops the audio clock thread too, so the studio is meant to run with a large gen0 budget
    /// (<c>DOTNET_GCgen0size</c>, set by the run profile; runbook "Garbage collection"): says which it got.
    /// </summary>
    public static void Gen0Budget(ILogger logger)
    {
        var configured = Environment.GetEnvironmentVariable("DOTNET_GCgen0size");
        if (configured is not null && long.TryParse(configured.Replace("0x", "", StringComparison.OrdinalIgnoreCase), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var bytes))
        {
            Log.Gen0BudgetSet(logger, bytes / 1048576);
        }
        else
        {
            Log.Gen0BudgetDefault(logger);
        }
    }

    /// <summary>With <c>Audio:DiagnoseClock</c>: one line per late block with the runtime suspensions that overlap it.</summary>
    public static void LateBlocks(ILogger logger, AudioClockStats stats, Diagnostics.RuntimePauseMonitor? suspensions)
    {
        if (suspensions is null || !logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var all = suspensions.Snapshot();
        var longest = all.Count == 0 ? 0 : all.Max(s => s.Duration.TotalMilliseconds);
        var byReason = string.Join(", ", all.GroupBy(s => s.Reason).Select(g => string.Create(
            CultureInfo.InvariantCulture, $"{g.Key} × {g.Count()} (max {g.Max(s => s.Duration.TotalMilliseconds):F1} ms, {g.Count(s => s.Duration.TotalMilliseconds > 2)} over 2 ms)")));
        Log.Suspensions(logger, suspensions.Count, longest, byReason);
        foreach (var late in stats.LateBlocks())
        {
            // The interval ran from the previous block's start to this one's; allow 1 ms for the two clocks' skew.
            var from = late.StartedUtc - late.Interval - TimeSpan.FromMilliseconds(1);
            var overlapping = suspensions.Overlapping(from, late.StartedUtc + TimeSpan.FromMilliseconds(1));
            var what = string.Join("; ", overlapping.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Reason} {s.Duration.TotalMilliseconds:F1} ms (stopping threads {s.Stopping.TotalMilliseconds:F1}) at {s.Start:HH:mm:ss.fff}"))
                .Concat(suspensions.ThreadEvents(from, late.StartedUtc).Select(Describe)));
            what = what.Length == 0 ? "none" : what;
            var at = late.StartedUtc.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
            var usage = late.Usage;
            Log.LateBlock(logger, at, late.Interval.TotalMilliseconds, late.ByStandby ? "standby" : "clock", late.PreviousWork.TotalMilliseconds, late.Collected,
                usage.MinorFaults, usage.MajorFaults, usage.VoluntarySwitches, usage.InvoluntarySwitches, what);
        }
    }

    private static string Describe(Diagnostics.ClockThreadEvent e) => string.Create(CultureInfo.InvariantCulture, $"{e.What} {e.Duration.TotalMilliseconds:F1} ms at {e.Start:HH:mm:ss.fff}");

    /// <summary>With <c>Audio:DiagnoseClock</c>: one line per slow graph block, phase by phase.</summary>
    public static void SlowBlocks(ILogger logger, AudioGraphStats stats, Diagnostics.RuntimePauseMonitor? suspensions, TimeProvider time)
    {
        if (suspensions is null || !logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var (nowTicks, nowUtc) = (Stopwatch.GetTimestamp(), time.GetUtcNow().UtcDateTime);
        foreach (var slow in stats.SlowBlocks())
        {
            var start = nowUtc - Stopwatch.GetElapsedTime(slow.StartTimestamp, nowTicks);
            var end = start + TimeSpan.FromMilliseconds(slow.VoicesMs + slow.MusicMs + slow.ProgramMs + slow.ReturnsMs + slow.OutputsMs);
            var events = string.Join("; ", suspensions.ThreadEvents(start - TimeSpan.FromMilliseconds(1), end + TimeSpan.FromMilliseconds(1))
                .Select(Describe));
            Log.SlowBlock(logger, start.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture), slow.VoicesMs, slow.MusicMs, slow.ProgramMs, slow.ReturnsMs, slow.OutputsMs, events.Length == 0 ? "none" : events);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(320, LogLevel.Information, "Audio clock suspensions: {Count} runtime suspensions of all threads, longest {LongestMs:F1} ms; {ByReason}")]
        public static partial void Suspensions(ILogger logger, long count, double longestMs, string byReason);

        [LoggerMessage(321, LogLevel.Information, "Audio clock late block at {At}: interval {IntervalMs:F1} ms, run by the {Thread} thread, previous block's work {WorkMs:F1} ms, GC counted {Collected}, that thread's page faults {MinorFaults} minor / {MajorFaults} major, context switches {Voluntary} voluntary / {Involuntary} involuntary; overlapping suspensions and clock-thread JIT/lock waits: {Suspensions}")]
        public static partial void LateBlock(ILogger logger, string at, double intervalMs, string thread, double workMs, bool collected, long minorFaults, long majorFaults, long voluntary, long involuntary, string suspensions);

        [LoggerMessage(322, LogLevel.Information, "Audio graph slow block at {At}: voices {VoicesMs:F1} ms, music {MusicMs:F1}, program {ProgramMs:F1}, returns {ReturnsMs:F1}, outputs {OutputsMs:F1}; clock-thread JIT/lock waits in it: {Events}")]
        public static partial void SlowBlock(ILogger logger, string at, double voicesMs, double musicMs, double programMs, double returnsMs, double outputsMs, string events);

        [LoggerMessage(326, LogLevel.Information, "Executable memory: W^X off (DOTNET_EnableWriteXorExecute=0): code optimised later runs on the audio clock without page faults")]
        public static partial void WriteXorExecuteOff(ILogger logger);

        [LoggerMessage(327, LogLevel.Debug, "Executable memory: W^X on: code the runtime optimises later takes page faults on its first run on the audio clock (a late block each time); set DOTNET_EnableWriteXorExecute=0 as the run profile does (runbook, \"Executable memory\")")]
        public static partial void WriteXorExecuteOn(ILogger logger);

        [LoggerMessage(323, LogLevel.Information, "Garbage collector: gen0 budget {MiB} MiB (DOTNET_GCgen0size): the steady garbage of a show triggers no collection for minutes")]
        public static partial void Gen0BudgetSet(ILogger logger, long miB);

        [LoggerMessage(324, LogLevel.Debug, "Garbage collector: default gen0 budget (a few MiB, a collection every few minutes that stops the audio clock); set DOTNET_GCgen0size=0x10000000 as the run profile does (runbook, \"Garbage collection\")")]
        public static partial void Gen0BudgetDefault(ILogger logger);

        [LoggerMessage(319, LogLevel.Information, "Audio clock GC: {Late} late blocks, {LateWithGc} of them with a garbage collection in the interval; collections gen0 {Gen0} / gen1 {Gen1} / gen2 {Gen2}, {PauseMs:F0} ms paused in total, {AllocatedMiB:F0} MiB allocated since start")]
        public static partial void ClockCollections(ILogger logger, long late, long lateWithGc, int gen0, int gen1, int gen2, double pauseMs, double allocatedMiB);

        [LoggerMessage(302, LogLevel.Debug, "Audio clock: {Blocks} blocks, {WithinPercent:F3} % within 20 ± 2 ms, longest {MaxMs:F1} ms, {Skipped} skipped, {Faults} client faults, graph {GraphMeanMs:F3} ms mean / {GraphMaxMs:F1} ms max per block; intervals (0.1 ms bin:count) {Histogram}")]
        public static partial void ClockStats(ILogger logger, long blocks, double withinPercent, double maxMs, long skipped, long faults, double graphMeanMs, double graphMaxMs, string histogram);
    }
}
