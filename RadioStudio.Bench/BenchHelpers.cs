using System.Diagnostics;
using System.Globalization;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Bench;

/// <summary>Small pieces the in-process runners share: options, waits, statistics, formatting.</summary>
internal static class BenchHelpers
{
    /// <summary>An integer option <c>--name value</c>, or the fallback.</summary>
    public static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>Waits (up to 10 s) for a placed call to reach the hold queue and returns its line id.</summary>
    public static async Task<string> LineIdAsync(StudioEngine engine, string callSid)
    {
        var deadline = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (engine.Current.Lines.FirstOrDefault(l => l.CallSid == callSid && l.Status == LineStatus.Holding) is { } line)
            {
                return line.Id;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{callSid} never reached the queue");
    }

    /// <summary>RMS of μ-law bytes, 0–1.</summary>
    public static double Rms(ReadOnlySpan<byte> mulaw)
    {
        double sum = 0;
        foreach (var b in mulaw)
        {
            var x = MuLaw.Decode(b) / 32768.0;
            sum += x * x;
        }

        return Math.Sqrt(sum / Math.Max(1, mulaw.Length));
    }

    public static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>The nearest-rank percentile (NaN for no values).</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
