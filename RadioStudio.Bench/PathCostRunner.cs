using System.Diagnostics;
using System.Globalization;

namespace RadioStudio.Bench;

/// <summary>
/// The <see cref="PhoneLinePathBenchmarks"/> workloads timed by CPU time as well as wall time. On a
/// shared machine wall time includes every moment the thread waited for a core; the process's CPU time
/// is what the path itself costs on one core (it includes the GC's work, which is the baseline's to pay).
/// Each workload is warmed up, then run for several rounds of a fixed duration.
/// </summary>
internal static class PathCostRunner
{
    public static int Run(string[] args)
    {
        var seconds = args.Contains("--seconds") ? double.Parse(args[Array.IndexOf(args, "--seconds") + 1], CultureInfo.InvariantCulture) : 2;
        const int Rounds = 3;
        Console.WriteLine($"Per line-frame, {Rounds} rounds of {seconds:0.#} s each after 0.5 s warm-up; min / median of the rounds.");
        Console.WriteLine();
        Console.WriteLine("| lines | RadioStudio wall (µs) | RadioStudio CPU (µs) | audioop-style wall (µs) | audioop-style CPU (µs) | CPU ratio |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var lines in new[] { 1, 10, 100, 1000 })
        {
            var bench = new PhoneLinePathBenchmarks { Lines = lines };
            bench.Setup();
            var ours = Measure(() => bench.RadioStudio(), seconds, Rounds);
            var theirs = Measure(() => bench.AudioopStyle(), seconds, Rounds);
            Console.WriteLine(
                $"| {lines} | {ours.WallMin:F2} / {ours.WallMedian:F2} | {ours.CpuMin:F2} / {ours.CpuMedian:F2} " +
                $"| {theirs.WallMin:F1} / {theirs.WallMedian:F1} | {theirs.CpuMin:F1} / {theirs.CpuMedian:F1} | {theirs.CpuMedian / ours.CpuMedian:F1}× |");
        }

        return 0;
    }

    private static (double WallMin, double WallMedian, double CpuMin, double CpuMedian) Measure(Func<int> invoke, double seconds, int rounds)
    {
        var sink = 0;
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 0.5)
        {
            sink += invoke();
        }

        var wall = new double[rounds];
        var cpu = new double[rounds];
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            long lineFrames = 0;
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                sink += invoke();
                lineFrames += PhoneLinePathBenchmarks.LineFramesPerInvoke;
            }

            clock.Stop();
            process.Refresh();
            wall[round] = clock.Elapsed.TotalMicroseconds / lineFrames;
            cpu[round] = (process.TotalProcessorTime - cpuStart).TotalMicroseconds / lineFrames;
        }

        GC.KeepAlive(sink);
        Array.Sort(wall);
        Array.Sort(cpu);
        return (wall[0], wall[rounds / 2], cpu[0], cpu[rounds / 2]);
    }
}
