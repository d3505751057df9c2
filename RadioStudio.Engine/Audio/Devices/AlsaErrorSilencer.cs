using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// Stops ALSA printing its probing errors ("ALSA lib … cannot find card", ~60 lines each time PortAudio lists
/// devices on a machine without those cards) to the console. The studio reports device problems itself, as state.
/// Installs a handler that drops the messages; harmless where libasound is missing (not Linux, or no ALSA).
/// </summary>
internal static unsafe partial class AlsaErrorSilencer
{
    private static int _installed;

    /// <summary>Installs the silent handler once per process (before PortAudio first initialises).</summary>
    public static void Install()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref _installed, 1) == 1)
        {
            return;
        }

        try
        {
            _ = snd_lib_error_set_handler(&Ignore);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No ALSA: nothing to silence.
        }
    }

    // ALSA's handler is variadic (file, line, function, err, fmt, ...); on the C calling conventions the caller
    // cleans up, so a callee that ignores the variadic part is safe.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Ignore(nint file, int line, nint function, int error, nint format)
    {
    }

    [LibraryImport("libasound.so.2")]
    private static partial int snd_lib_error_set_handler(delegate* unmanaged[Cdecl]<nint, int, nint, int, nint, void> handler);
}
