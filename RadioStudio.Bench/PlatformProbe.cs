using System.Diagnostics;
using System.Globalization;
using RadioStudio.Engine.Audio;

namespace RadioStudio.Bench;

/// <summary>
/// What the machine itself does to a real-time thread, with no studio in it: one SCHED_FIFO thread pinned to each
/// CPU wakes every millisecond on an absolute deadline and records every wake-up more than 1 ms late (a vCPU the
/// hypervisor did not run, a kernel stall). It allocates nothing while it runs, so the runtime never suspends it.
/// Run by the load runner as its own process next to the studio; its stalls are matched with the studio's late
/// blocks. <c>-- probe --seconds S</c> prints one "stall" line per late wake-up, then a summary line per CPU; it stops
/// early when a line arrives on its standard input (or it closes), which is how the load runner ends it.
/// </summary>
internal static class PlatformProbe
{
    private const int MaxStalls = 100_000;
    private static readonly long PeriodTicks = Stopwatch.Frequency / 1000;
    private static volatile bool s_stop;

    public static int Run(string[] args)
    {
        var seconds = args.Length > 1 && args[0] == "--seconds" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var cpus = Environment.ProcessorCount;
        var results = new (long[] At, double[] LateMs, int Count, long Wakeups, string Scheduling)[cpus];
        using var ready = new CountdownEvent(cpus);
        var threads = Enumerable.Range(0, cpus).Select(cpu => new Thread(() => results[cpu] = Probe(cpu, seconds, ready)) { IsBackground = true }).ToArray();
        var (startTicks, startUtc) = (Stopwatch.GetTimestamp(), TimeProvider.System.GetUtcNow().UtcDateTime);
        foreach (var thread in threads)
        {
            thread.Start();
        }

        // Every CPU watched from here on: the load runner starts the studio only after this line.
        ready.Wait();
        Console.WriteLine(RunningLine);
        Console.Out.Flush();

        if (Console.IsInputRedirected)
        {
            new Thread(() =>
            {
                _ = Console.In.ReadLine();
                s_stop = true;
            }) { IsBackground = true }.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        for (var cpu = 0; cpu < cpus; cpu++)
        {
            var (at, late, count, _, _) = results[cpu];
            for (var i = 0; i < count; i++)
            {
                var utc = startUtc + Stopwatch.GetElapsedTime(startTicks, at[i]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stall cpu={cpu} at={utc:HH:mm:ss.fff} late={late[i]:F2}"));
            }
        }

        foreach (var (cpu, r) in results.Select((r, cpu) => (cpu, r)))
        {
            var over2 = r.LateMs.Take(r.Count).Count(l => l > 2);
            var max = r.Count == 0 ? 0 : r.LateMs.Take(r.Count).Max();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"probe cpu={cpu}: {r.Wakeups} wake-ups, {r.Count} over 1 ms late, {over2} over 2 ms, max {max:F1} ms ({r.Scheduling})"));
        }

        return 0;
    }

    /// <summary>Printed once every CPU's probe thread runs.</summary>
    public const string RunningLine = "probe running";

    private static (long[] At, double[] LateMs, int Count, long Wakeups, string Scheduling) Probe(int cpu, int seconds, CountdownEvent ready)
    {
        var at = new long[MaxStalls];
        var late = new double[MaxStalls];
        var count = 0;
        var pinned = RealtimeScheduling.TryPin(cpu);
        // Above the studio's clock (60): the probe measures the machine, not the clock's competition.
        var scheduling = $"{(pinned ? "pinned" : "not pinned")}, {RealtimeScheduling.TryEnable(70)}";
        var start = Stopwatch.GetTimestamp();
        ready.Signal();
        var wakeups = seconds * 1000L;
        long n;
        for (n = 1; n <= wakeups && !s_stop; n++)
        {
            var deadline = start + (n * PeriodTicks);
            _ = RealtimeScheduling.SleepUntil(deadline);

            var lateMs = Stopwatch.GetElapsedTime(deadline).TotalMilliseconds;
            if (lateMs > 1 && count < MaxStalls)
            {
                (at[count], late[count]) = (deadline, lateMs);
                count++;
            }
        }

        return (at, late, count, n - 1, scheduling);
    }

}
