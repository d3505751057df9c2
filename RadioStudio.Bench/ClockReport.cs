using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RadioStudio.Bench;

/// <summary>
/// The studio's AudioClock interval distribution over its whole run (start-up included), read from the
/// "Audio clock:" line its AudioService logs at shutdown: the histogram's non-empty 0.1 ms bins as bin:count.
/// </summary>
internal static partial class ClockReport
{
    public static (string Report, bool Ok) From(IEnumerable<string> output, bool stoppedGracefully)
    {
        var line = output.LastOrDefault(l => l.Contains("Audio clock: ", StringComparison.Ordinal));
        var marker = line?.IndexOf("bin:count)", StringComparison.Ordinal) ?? -1;
        if (line is null || marker < 0)
        {
            return ($"AudioClock: no statistics logged (studio stopped gracefully: {stoppedGracefully})", false);
        }

        var bins = new SortedDictionary<int, long>();
        foreach (Match m in Bin().Matches(line[(marker + "bin:count)".Length)..]))
        {
            bins[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        }

        var total = bins.Values.Sum();
        if (total == 0)
        {
            return ("AudioClock: empty histogram", false);
        }

        var within = Between(bins, 18, 22);
        var skipped = Skipped().Match(line) is { Success: true } s ? s.Groups[1].Value : "?";
        var faults = Faults().Match(line) is { Success: true } f ? f.Groups[1].Value : "?";
        var graph = Graph().Match(line) is { Success: true } g ? g.Groups[1].Value : "?";
        var text = new StringBuilder();
        text.AppendLine(Invariant($"| AudioClock block interval (whole studio run: {total} blocks ≈ {total * 0.02:0} s) | result |"));
        text.AppendLine("|---|---|");
        text.AppendLine(Invariant($"| within 20 ± 2 ms | {within} of {total} = {100.0 * within / total:0.0000} % |"));
        text.AppendLine(Invariant($"| min / p0.1 / p1 / p50 / p99 / p99.9 / max (ms) | {Ms(bins.Keys.First()):0.0} / {Quantile(bins, total, 0.001):0.0} / {Quantile(bins, total, 0.01):0.0} / {Quantile(bins, total, 0.5):0.0} / {Quantile(bins, total, 0.99):0.0} / {Quantile(bins, total, 0.999):0.0} / {Ms(bins.Keys.Last()):0.0} |"));
        text.AppendLine(Invariant($"| skipped blocks / client faults | {skipped} / {faults} |"));
        text.AppendLine(Invariant($"| graph processing per block (mean / max) | {graph} |"));
        text.AppendLine();
        text.AppendLine("| interval (ms) | blocks |");
        text.AppendLine("|---|---|");
        (string Label, double Low, double High)[] bands =
        [
            ("< 15.0", 0, 14.9), ("15.0 – 17.9", 15, 17.9), ("18.0 – 19.4", 18, 19.4), ("19.5 – 19.9", 19.5, 19.9), ("20.0 – 20.4", 20, 20.4),
            ("20.5 – 22.0", 20.5, 22), ("22.1 – 25.0", 22.1, 25), ("25.1 – 40.0", 25.1, 40), ("> 40.0", 40.1, 1000),
        ];
        foreach (var (label, low, high) in bands)
        {
            text.AppendLine(Invariant($"| {label} | {Between(bins, low, high)} |"));
        }

        // Everything outside the target band in 1 ms buckets (the last, 100 ms, holds everything longer).
        var outside = string.Join(", ", bins.Where(b => Ms(b.Key) < 18 - 1e-9 || Ms(b.Key) > 22 + 1e-9)
            .GroupBy(b => b.Key / 10).Select(g => Invariant($"{g.Key}–{g.Key + 1} ms × {g.Sum(b => b.Value)}")));
        text.Append("outside 20 ± 2 ms: ").AppendLine(outside.Length > 0 ? outside : "none");
        return (text.ToString(), within == total);
    }

    private static double Ms(int bin) => bin / 10.0;

    private static long Between(SortedDictionary<int, long> bins, double lowMs, double highMs) =>
        bins.Where(b => Ms(b.Key) >= lowMs - 1e-9 && Ms(b.Key) <= highMs + 1e-9).Sum(b => b.Value);

    private static double Quantile(SortedDictionary<int, long> bins, long total, double p)
    {
        var target = Math.Max(1, (long)Math.Ceiling(p * total));
        long seen = 0;
        foreach (var (bin, count) in bins)
        {
            seen += count;
            if (seen >= target)
            {
                return Ms(bin);
            }
        }

        return Ms(bins.Keys.Last());
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\d+):(\d+)")]
    private static partial Regex Bin();

    [GeneratedRegex(@"(\d+) skipped")]
    private static partial Regex Skipped();

    [GeneratedRegex(@"graph ([\d.,]+ ms mean / [\d.,]+ ms max)")]
    private static partial Regex Graph();

    [GeneratedRegex(@"(\d+) client faults")]
    private static partial Regex Faults();
}
