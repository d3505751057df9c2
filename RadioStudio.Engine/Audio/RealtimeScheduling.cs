using System.Runtime.InteropServices;

namespace RadioStudio.Engine.Audio;

/// <summary>
/// Puts the calling thread under Linux real-time scheduling (<c>SCHED_FIFO</c>), the way JACK and PipeWire run
/// their audio threads: .NET's <see cref="ThreadPriority"/> has no effect on Linux, so without this the clock
/// thread competes with every build, GC and web request on equal terms. Needs CAP_SYS_NICE (root, or an
/// <c>rtprio</c> limit); without it the thread stays at normal priority and the reason is reported.
/// </summary>
internal static partial class RealtimeScheduling
{
    /// <summary>Well above ordinary threads, below the kernel's own real-time threads (99) and JACK's default (~70–80).</summary>
    public const int Priority = 60;

    private const int SchedFifo = 1;

    /// <summary>Tries to make the calling thread real-time at <paramref name="priority"/>; returns a description of the outcome.</summary>
    public static string TryEnable(int priority = Priority)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "normal priority (real-time scheduling is only set up on Linux)";
        }

        try
        {
            var param = new SchedParam { Priority = priority };
            if (SchedSetScheduler(0, SchedFifo, ref param) == 0)
            {
                return $"real-time (SCHED_FIFO {priority})";
            }

            var errno = Marshal.GetLastPInvokeError();
            return errno == 1
                ? "normal priority (no permission for real-time scheduling: run as root, grant CAP_SYS_NICE, or raise the rtprio limit)"
                : $"normal priority (sched_setscheduler failed, errno {errno})";
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return $"normal priority ({error.Message})";
        }
    }

    /// <summary>The calling thread's OS (kernel) thread id, as runtime events report it; 0 where unknown.</summary>
    public static long CurrentOsThreadId()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        try
        {
            return GetTid();
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>The CPUs this process may run on (its affinity mask), lowest first; empty where unknown.</summary>
    public static int[] AllowedCpus()
    {
        if (!OperatingSystem.IsLinux())
        {
            return [];
        }

        try
        {
            var mask = new ulong[MaskWords];
            if (SchedGetAffinity(0, MaskWords * sizeof(ulong), mask) < 0)
            {
                return [];
            }

            return [.. Enumerable.Range(0, MaskWords * 64).Where(cpu => (mask[cpu / 64] & (1UL << (cpu % 64))) != 0)];
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return [];
        }
    }

    /// <summary>Pins the calling thread to one CPU; false (and the thread left where it was) if the kernel refuses.</summary>
    public static bool TryPin(int cpu)
    {
        if (!OperatingSystem.IsLinux() || cpu < 0 || cpu >= MaskWords * 64)
        {
            return false;
        }

        try
        {
            var mask = new ulong[MaskWords];
            mask[cpu / 64] = 1UL << (cpu % 64);
            return SchedSetAffinity(0, MaskWords * sizeof(ulong), mask) == 0;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sleeps the calling thread until the <see cref="System.Diagnostics.Stopwatch"/> timestamp <paramref name="deadline"/>,
    /// to the microsecond rather than a managed wait's millisecond (Linux <c>nanosleep</c>, resumed after a signal).
    /// False if the kernel refused the sleep (or this is not Linux): the caller must not loop on it.
    /// </summary>
    public static bool SleepUntil(long deadline)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        while (true)
        {
            var remaining = deadline - System.Diagnostics.Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return true;
            }

            var nanoseconds = (long)(remaining * (1_000_000_000.0 / System.Diagnostics.Stopwatch.Frequency));
            var spec = new TimeSpec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
            if (NanoSleep(ref spec, IntPtr.Zero) != 0 && Marshal.GetLastPInvokeError() != Eintr)
            {
                return false;
            }
        }
    }

    private const int Eintr = 4;

    // 1 024 CPUs, as glibc's cpu_set_t.
    private const int MaskWords = 16;

    [LibraryImport("libc", EntryPoint = "sched_getaffinity", SetLastError = true)]
    private static partial int SchedGetAffinity(int pid, nint size, [Out] ulong[] mask);

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SchedSetAffinity(int pid, nint size, ulong[] mask);

    [LibraryImport("libc", EntryPoint = "nanosleep", SetLastError = true)]
    private static partial int NanoSleep(ref TimeSpec request, IntPtr remaining);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();

    // pid 0 = the calling thread (Linux schedules threads individually).
    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SchedSetScheduler(int pid, int policy, ref SchedParam param);

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }
}
