using System.Runtime.InteropServices;

namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// The process-wide PortAudio session. <c>Pa_Initialize</c>/<c>Pa_Terminate</c> are reference counted
/// behind one gate, so a settings page listing devices, an output and a capture never initialise or tear
/// down under each other. Devices are enumerated at initialisation only: a fresh list (a re-scan) happens
/// when nothing holds the session, which is why a lost device releases its stream before retrying.
/// Opening, starting and closing streams also go through the gate; reads and writes do not.
/// </summary>
internal static unsafe class PortAudioHost
{
    public const string NotInstalled = "PortAudio not installed (libportaudio.so.2 was not found); install the libportaudio2 package.";

    private static readonly Lock Gate = new();
    private static int _references;

    /// <summary>Initialises PortAudio if nobody holds it; false with a reason when that fails.</summary>
    public static bool TryAcquire(out string? problem)
    {
        lock (Gate)
        {
            return TryAcquireLocked(out problem);
        }
    }

    /// <summary>Drops one reference; the last one terminates PortAudio.</summary>
    public static void Release()
    {
        lock (Gate)
        {
            ReleaseLocked();
        }
    }

    /// <summary>Every device, in PortAudio's order; empty with a reason when PortAudio is unusable.</summary>
    public static IReadOnlyList<AudioDeviceInfo> List(out string? problem)
    {
        // A stream being closed after its JACK server died can hold the gate for minutes (see StreamReaper);
        // the settings page gets an answer rather than a hung request.
        if (!Gate.TryEnter(TimeSpan.FromSeconds(2)))
        {
            problem = "PortAudio is busy closing a lost device; try again later.";
            return [];
        }

        try
        {
            if (!TryAcquireLocked(out problem))
            {
                return [];
            }

            try
            {
                var devices = ListLocked();
                if (devices.Count == 0)
                {
                    problem = "PortAudio found no audio devices (is JACK running, or an ALSA device configured?).";
                }

                return devices;
            }
            finally
            {
                ReleaseLocked();
            }
        }
        finally
        {
            Gate.Exit();
        }
    }

    /// <summary>
    /// Opens and starts a 48 kHz float32 interleaved callback stream on the device called
    /// <paramref name="name"/> (see <see cref="AudioDevices"/>) with up to <paramref name="maxChannels"/>
    /// channels; <paramref name="createTarget"/> gets the channel count and returns the callback's target.
    /// Holds a session reference until the stream is disposed. Null with a reason on failure.
    /// </summary>
    public static PortAudioStream? Open(string name, bool output, int maxChannels, Func<int, StreamCallbackTarget> createTarget, out string? problem)
    {
        lock (Gate)
        {
            if (!TryAcquireLocked(out problem))
            {
                return null;
            }

            var handle = IntPtr.Zero;
            try
            {
                var devices = ListLocked();
                var index = AudioDevices.Find(devices, name, output);
                if (index < 0)
                {
                    problem = $"No {(output ? "output" : "input")} device matches \"{name}\" ({devices.Count} devices listed).";
                    ReleaseLocked();
                    return null;
                }

                var device = devices[index];
                var info = PortAudioNative.Pa_GetDeviceInfo(index);
                var deviceMax = output ? device.MaxOutputChannels : device.MaxInputChannels;
                var channels = Math.Min(deviceMax, maxChannels);
                var target = createTarget(channels);
                var gcHandle = GCHandle.Alloc(target);
                var parameters = new PortAudioNative.StreamParameters
                {
                    Device = index,
                    ChannelCount = channels,
                    SampleFormat = PortAudioNative.Float32,
                    SuggestedLatency = Math.Max(0.02, output ? info->DefaultHighOutputLatency : info->DefaultHighInputLatency),
                };
                var callback = (IntPtr)StreamCallbackTarget.Callback;
                var user = GCHandle.ToIntPtr(gcHandle);
                var error = output
                    ? PortAudioNative.Pa_OpenStream(out handle, null, &parameters, AudioClock.SampleRate, 0, PortAudioNative.ClipOff, callback, user)
                    : PortAudioNative.Pa_OpenStream(out handle, &parameters, null, AudioClock.SampleRate, 0, PortAudioNative.ClipOff, callback, user);
                if (error < 0)
                {
                    problem = $"Opening {device.DisplayName} ({channels} ch, 48 kHz float) failed: {PortAudioNative.ErrorText(error)}";
                    gcHandle.Free();
                    ReleaseLocked();
                    return null;
                }

                error = PortAudioNative.Pa_StartStream(handle);
                if (error < 0)
                {
                    problem = $"Starting {device.DisplayName} failed: {PortAudioNative.ErrorText(error)}";
                    _ = PortAudioNative.Pa_CloseStream(handle);
                    gcHandle.Free();
                    ReleaseLocked();
                    return null;
                }

                problem = null;
                return new PortAudioStream(handle, gcHandle, device, channels, target);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                problem = NotInstalled;
                return null;
            }
        }
    }

    /// <summary>Aborts (does not drain) and closes a stream, then drops its session reference.</summary>
    public static void Close(IntPtr handle)
    {
        lock (Gate)
        {
            // Errors here mean the device is already gone; the handle is released either way.
            _ = PortAudioNative.Pa_AbortStream(handle);
            _ = PortAudioNative.Pa_CloseStream(handle);
            ReleaseLocked();
        }
    }

    private static bool TryAcquireLocked(out string? problem)
    {
        problem = null;
        if (_references > 0)
        {
            _references++;
            return true;
        }

        try
        {
            AlsaErrorSilencer.Install();
            var error = PortAudioNative.Pa_Initialize();
            if (error < 0)
            {
                problem = $"PortAudio failed to initialise: {PortAudioNative.ErrorText(error)}";
                return false;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            problem = NotInstalled;
            return false;
        }

        _references = 1;
        return true;
    }

    private static void ReleaseLocked()
    {
        if (_references == 0)
        {
            return;
        }

        if (--_references == 0)
        {
            _ = PortAudioNative.Pa_Terminate();
        }
    }

    private static List<AudioDeviceInfo> ListLocked()
    {
        var count = PortAudioNative.Pa_GetDeviceCount();
        var devices = new List<AudioDeviceInfo>(Math.Max(count, 0));
        for (var i = 0; i < count; i++)
        {
            var info = PortAudioNative.Pa_GetDeviceInfo(i);
            if (info is null)
            {
                // Keep list index == PortAudio device index; a device without info can never match.
                devices.Add(new AudioDeviceInfo(string.Empty, string.Empty, 0, 0, 0));
                continue;
            }

            var api = PortAudioNative.Pa_GetHostApiInfo(info->HostApi);
            var apiName = api is null ? "?" : Marshal.PtrToStringUTF8(api->Name) ?? "?";
            devices.Add(new AudioDeviceInfo(Marshal.PtrToStringUTF8(info->Name) ?? $"device {i}", apiName, info->MaxInputChannels, info->MaxOutputChannels, info->DefaultSampleRate));
        }

        return devices;
    }
}
