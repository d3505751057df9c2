using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RadioStudio.Bench;

/// <summary>
/// Says why each late AudioClock block was late, from the studio's own "Audio clock late block" lines (which name
/// the runtime suspensions, JIT compilations and lock waits that overlapped the interval) and the platform probe's
/// stalls (a real-time thread on each CPU, in another process, that could not run either): <b>studio</b> when the
/// runtime stopped or held up the clock thread, <b>platform</b> when the probe was stalled at the same moment and
/// the studio had nothing in the way, <b>unexplained</b> otherwise (counted against the studio).
/// </summary>
internal static partial class LateBlockAttribution
{
    /// <summary>A window in which the probe's thread on <paramref name="Cpu"/> could not run.</summary>
    public readonly record struct Stall(int Cpu, DateTime Start, DateTime End);

    /// <summary>One late block and its cause.</summary>
    /// <param name="EveryCpuStalled">The probe was stalled on every CPU in the interval: no thread of any program could run.</param>
    public readonly record struct LateBlock(DateTime At, double IntervalMs, string Cause, string Detail, bool InWindow, bool EveryCpuStalled);

    /// <summary>Stalls from the probe's "stall cpu=K at=HH:mm:ss.fff late=X" lines, consecutive late wake-ups merged.</summary>
    public static IReadOnlyList<Stall> ParseStalls(IEnumerable<string> probeOutput, DateTime day)
    {
        var stalls = new List<Stall>();
        foreach (Match m in probeOutput.Select(l => StallLine().Match(l)).Where(m => m.Success))
        {
            var cpu = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var start = At(day, m.Groups[2].Value);
            var end = start + TimeSpan.FromMilliseconds(double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
            stalls.Add(new Stall(cpu, start, end));
        }

        return stalls;
    }

    /// <summary>Every late block the studio logged, with its cause; <paramref name="window"/> is the loaded measurement window (UTC).</summary>
    public static IReadOnlyList<LateBlock> Attribute(IEnumerable<string> studioOutput, IReadOnlyList<Stall> stalls, DateTime day, (DateTime From, DateTime To) window, int cpus)
    {
        var blocks = new List<LateBlock>();
        foreach (Match m in studioOutput.Select(l => LateLine().Match(l)).Where(m => m.Success))
        {
            var at = At(day, m.Groups[1].Value);
            var interval = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var thread = m.Groups[3].Value;
            var (minor, major, voluntary, involuntary) = (Long(m.Groups[4]), Long(m.Groups[5]), Long(m.Groups[6]), Long(m.Groups[7]));
            var runtime = m.Groups[8].Value.Trim();
            if (minor + major > 0)
            {
                // The clock thread itself touched memory the kernel had to map in: the studio's doing (fresh pages).
                var faults = Invariant($"{minor + major} page faults on the {thread} thread ({major} major)");
                runtime = runtime == "none" ? faults : faults + "; " + runtime;
            }

            // The clock lost time somewhere between the previous block's start and this one's; 1 ms slack for the two processes' clocks.
            var (from, to) = (at - TimeSpan.FromMilliseconds(interval + 1), at + TimeSpan.FromMilliseconds(1));
            var overlapping = stalls.Where(s => s.Start <= to && s.End >= from).ToList();
            var (cause, detail) = runtime != "none"
                ? ("studio", runtime)
                : overlapping.Count > 0
                    ? ("platform", Describe(overlapping))
                    : ("unexplained", "no runtime pause and no platform stall seen");
            // One voluntary switch per interval is the clock's own sleep; more means it blocked on something.
            detail += Invariant($" [{thread} thread in the interval: {voluntary} waits, preempted {involuntary}×]");
            var everyCpu = cpus > 0 && overlapping.Select(s => s.Cpu).Distinct().Count() >= cpus;
            blocks.Add(new LateBlock(at, interval, cause, detail, at >= window.From && at <= window.To, everyCpu));
        }

        return blocks;
    }

    /// <summary>A "slow block at HH:mm:ss.fff: phase ms, …" line with the probe's stalls during it appended (a slow block is not late, but one the VM paused inside says so).</summary>
    public static string WithStalls(string line, IReadOnlyList<Stall> stalls, DateTime day)
    {
        var m = SlowLine().Match(line);
        if (!m.Success)
        {
            return line;
        }

        var start = At(day, m.Groups[1].Value);
        var work = m.Groups[2].Captures.Sum(c => double.Parse(c.Value, CultureInfo.InvariantCulture));
        var during = stalls.Where(s => s.Start <= start.AddMilliseconds(work + 1) && s.End >= start.AddMilliseconds(-1)).ToList();
        return line + (during.Count == 0 ? " [probe: no stall]" : $" [probe: {Describe(during)}]");
    }

    // Per CPU, how long its probe thread could not run and from when.
    private static string Describe(IEnumerable<Stall> stalls) =>
        string.Join("; ", stalls.GroupBy(s => s.Cpu).Select(g => Invariant($"cpu {g.Key} stalled {(g.Max(s => s.End) - g.Min(s => s.Start)).TotalMilliseconds:0.0} ms from {g.Min(s => s.Start):HH:mm:ss.fff}")));

    /// <summary>The attribution as markdown.</summary>
    public static string Report(IReadOnlyList<LateBlock> blocks, IEnumerable<string> probeSummary, long windowBlocks)
    {
        var text = new StringBuilder();
        var inWindow = blocks.Where(b => b.InWindow).ToList();
        text.AppendLine(Invariant($"| late AudioClock blocks (> 22 ms) | whole run | in the {windowBlocks}-block window with every line streaming |"));
        text.AppendLine("|---|---|---|");
        foreach (var cause in new[] { "studio", "platform", "unexplained" })
        {
            text.AppendLine(Invariant($"| {cause} | {blocks.Count(b => b.Cause == cause)} | {inWindow.Count(b => b.Cause == cause)} |"));
        }

        // With the standby clock a block is late on a platform stall only if the other CPU stalled too (or the stall
        // caught the thread inside a block); a stall of every CPU at once is one no program could run through.
        text.AppendLine(Invariant($"| platform, every CPU stalled at once | {blocks.Count(b => b.Cause == "platform" && b.EveryCpuStalled)} | {inWindow.Count(b => b.Cause == "platform" && b.EveryCpuStalled)} |"));

        var studioOwn = inWindow.Count(b => b.Cause != "platform");
        text.AppendLine(Invariant($"| **within 20 ± 2 ms in the window, the studio's own causes** | | {100.0 * (windowBlocks - studioOwn) / Math.Max(1, windowBlocks):0.0000} % ({studioOwn} late) |"));
        text.AppendLine(Invariant($"| within 20 ± 2 ms in the window, everything | | {100.0 * (windowBlocks - inWindow.Count) / Math.Max(1, windowBlocks):0.0000} % ({inWindow.Count} late) |"));
        text.AppendLine();
        foreach (var line in probeSummary)
        {
            text.AppendLine("- " + line);
        }

        text.AppendLine();
        foreach (var block in blocks)
        {
            text.AppendLine(Invariant($"- {block.At:HH:mm:ss.fff} {block.IntervalMs:0.0} ms — {block.Cause}{(block.InWindow ? "" : " (outside the window)")}: {block.Detail}"));
        }

        return text.ToString();
    }

    private static DateTime At(DateTime day, string time) =>
        DateTime.SpecifyKind(day.Date + TimeSpan.ParseExact(time, @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static long Long(Group group) => group.Success ? long.Parse(group.Value, CultureInfo.InvariantCulture) : 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"slow block at (\d\d:\d\d:\d\d\.\d{3}): (?:\w+ ([\d.]+)(?: ms)?,? ?)+")]
    private static partial Regex SlowLine();

    [GeneratedRegex(@"stall cpu=(\d+) at=(\d\d:\d\d:\d\d\.\d{3}) late=([\d.]+)")]
    private static partial Regex StallLine();

    [GeneratedRegex(@"late block at (\d\d:\d\d:\d\d\.\d{3}): interval ([\d.]+) ms, run by the (\w+) thread, previous block's work [\d.]+ ms, GC counted \w+(?:, that thread's page faults (\d+) minor / (\d+) major, context switches (\d+) voluntary / (\d+) involuntary)?; .*JIT/lock waits: (.*)$")]
    private static partial Regex LateLine();
}
