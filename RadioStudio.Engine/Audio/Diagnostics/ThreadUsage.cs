using System.Runtime.InteropServices;

namespace RadioStudio.Engine.Audio.Diagnostics;

/// <summary>
/// What the kernel counted for one thread (<c>getrusage(RUSAGE_THREAD)</c>): page faults it took (minor: memory
/// mapped in without disk, e.g. first touch of a fresh page; major: read from disk) and context switches (voluntary:
/// it waited; involuntary: it was preempted). The clock reads it at each block with <c>Audio:DiagnoseClock</c>, so a
/// late block says whether its thread faulted or was pushed off its CPU. One syscall, nothing allocated.
/// </summary>
public readonly partial record struct ThreadUsage(long MinorFaults, long MajorFaults, long VoluntarySwitches, long InvoluntarySwitches)
{
    private const int RusageThread = 1;

    /// <summary>The difference between two readings.</summary>
    public static ThreadUsage operator -(ThreadUsage later, ThreadUsage earlier) => new(
        later.MinorFaults - earlier.MinorFaults, later.MajorFaults - earlier.MajorFaults,
        later.VoluntarySwitches - earlier.VoluntarySwitches, later.InvoluntarySwitches - earlier.InvoluntarySwitches);

    /// <summary>The calling thread's counters; false off Linux or if the call fails.</summary>
    public static bool TryReadCurrent(out ThreadUsage usage)
    {
        usage = default;
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            if (GetRusage(RusageThread, out var raw) != 0)
            {
                return false;
            }

            usage = new ThreadUsage(raw.MinorFaults, raw.MajorFaults, raw.VoluntarySwitches, raw.InvoluntarySwitches);
            return true;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out Rusage usage);

    /// <summary>Linux <c>struct rusage</c> on 64-bit: two timevals, then fourteen longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss;
        public long SharedMemory;
        public long UnsharedData;
        public long UnsharedStack;
        public long MinorFaults;
        public long MajorFaults;
        public long Swaps;
        public long BlockInputs;
        public long BlockOutputs;
        public long MessagesSent;
        public long MessagesReceived;
        public long Signals;
        public long VoluntarySwitches;
        public long InvoluntarySwitches;
    }
}
