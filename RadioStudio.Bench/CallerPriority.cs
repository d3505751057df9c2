using System.Globalization;
using System.Runtime.InteropServices;

namespace RadioStudio.Bench;

/// <summary>
/// The simulated callers stand in for the phone network, which in a real show runs on Twilio's servers, not on the
/// studio's two cores. So the load runner lowers its own CPU priority (nice) once the studio is running: the callers
/// still get all the CPU the studio leaves, but never take it from the studio they are measuring. Linux sets nice per
/// thread and new threads inherit their creator's, so every thread of this process is lowered.
/// </summary>
internal static partial class CallerPriority
{
    private const int PrioProcess = 0;

    /// <summary>Sets nice <paramref name="nice"/> on every thread of this process; returns how many were changed.</summary>
    public static int Lower(int nice)
    {
        if (!OperatingSystem.IsLinux() || nice <= 0)
        {
            return 0;
        }

        var changed = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (int.TryParse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture, out var tid) && SetPriority(PrioProcess, tid, nice) == 0)
            {
                changed++;
            }
        }

        return changed;
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);
}
