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

    /// <summary>Tries to make the calling thread real-time; returns a description of the outcome.</summary>
    public static string TryEnable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "normal priority (real-time scheduling is only set up on Linux)";
        }

        try
        {
            var param = new SchedParam { Priority = Priority };
            if (SchedSetScheduler(0, SchedFifo, ref param) == 0)
            {
                return $"real-time (SCHED_FIFO {Priority})";
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
