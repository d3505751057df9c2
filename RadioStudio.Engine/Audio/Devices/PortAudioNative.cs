using System.Runtime.InteropServices;

namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// The few PortAudio V19 functions the studio uses, bound to <c>libportaudio.so.2</c> (the runtime
/// package's soname; the unversioned name exists only with the -dev package). C <c>unsigned long</c>
/// (sample format, frame counts, flags) is <see cref="nuint"/> on Linux x64, <c>long</c> is <see cref="nint"/>.
/// Calling any of these throws <see cref="DllNotFoundException"/> when the library is missing; only
/// <see cref="PortAudioHost"/> calls the initialise/terminate pair, under its gate.
/// </summary>
internal static unsafe partial class PortAudioNative
{
    public const string Library = "libportaudio.so.2";

    /// <summary>paFloat32.</summary>
    public const nuint Float32 = 0x1;

    /// <summary>paClipOff: the studio clips nothing itself; the device (or JACK) sees the float values.</summary>
    public const nuint ClipOff = 0x1;

    /// <summary>paNoDevice.</summary>
    public const int NoDevice = -1;

    /// <summary>paOutputUnderflowed: a warning from Pa_WriteStream, not a failure.</summary>
    public const int OutputUnderflowed = -9980;

    /// <summary>paInputOverflowed: a warning from Pa_ReadStream, not a failure.</summary>
    public const int InputOverflowed = -9981;

    [StructLayout(LayoutKind.Sequential)]
    public struct DeviceInfo
    {
        public int StructVersion;
        public IntPtr Name;
        public int HostApi;
        public int MaxInputChannels;
        public int MaxOutputChannels;
        public double DefaultLowInputLatency;
        public double DefaultLowOutputLatency;
        public double DefaultHighInputLatency;
        public double DefaultHighOutputLatency;
        public double DefaultSampleRate;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct HostApiInfo
    {
        public int StructVersion;
        public int Type;
        public IntPtr Name;
        public int DeviceCount;
        public int DefaultInputDevice;
        public int DefaultOutputDevice;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct StreamParameters
    {
        public int Device;
        public int ChannelCount;
        public nuint SampleFormat;
        public double SuggestedLatency;
        public IntPtr HostApiSpecificStreamInfo;
    }

    [LibraryImport(Library)]
    public static partial int Pa_Initialize();

    [LibraryImport(Library)]
    public static partial int Pa_Terminate();

    [LibraryImport(Library)]
    public static partial int Pa_GetDeviceCount();

    [LibraryImport(Library)]
    public static partial DeviceInfo* Pa_GetDeviceInfo(int device);

    [LibraryImport(Library)]
    public static partial HostApiInfo* Pa_GetHostApiInfo(int hostApi);

    [LibraryImport(Library)]
    public static partial int Pa_OpenStream(out IntPtr stream, StreamParameters* input, StreamParameters* output, double sampleRate, nuint framesPerBuffer, nuint flags, IntPtr callback, IntPtr userData);

    [LibraryImport(Library)]
    public static partial int Pa_StartStream(IntPtr stream);

    [LibraryImport(Library)]
    public static partial int Pa_StopStream(IntPtr stream);

    [LibraryImport(Library)]
    public static partial int Pa_AbortStream(IntPtr stream);

    [LibraryImport(Library)]
    public static partial int Pa_CloseStream(IntPtr stream);

    [LibraryImport(Library)]
    public static partial int Pa_IsStreamActive(IntPtr stream);

    [LibraryImport(Library)]
    public static partial int Pa_WriteStream(IntPtr stream, float* buffer, nuint frames);

    [LibraryImport(Library)]
    public static partial int Pa_ReadStream(IntPtr stream, float* buffer, nuint frames);

    [LibraryImport(Library)]
    public static partial nint Pa_GetStreamWriteAvailable(IntPtr stream);

    [LibraryImport(Library)]
    public static partial nint Pa_GetStreamReadAvailable(IntPtr stream);

    [LibraryImport(Library)]
    public static partial IntPtr Pa_GetErrorText(int error);

    /// <summary>PortAudio's text for an error code.</summary>
    public static string ErrorText(int error) => Marshal.PtrToStringUTF8(Pa_GetErrorText(error)) ?? $"PortAudio error {error}";
}
