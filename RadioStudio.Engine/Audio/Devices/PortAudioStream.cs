using System.Runtime.InteropServices;

namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// An open, started PortAudio callback stream (48 kHz float32 interleaved) and the target its callback
/// feeds. <see cref="Dispose"/> aborts and closes it, then frees the callback's handle and releases the
/// session reference.
/// </summary>
internal sealed class PortAudioStream(IntPtr handle, GCHandle target, AudioDeviceInfo device, int channels, StreamCallbackTarget callbackTarget) : IDisposable
{
    private IntPtr _handle = handle;
    private GCHandle _target = target;

    public AudioDeviceInfo Device { get; } = device;

    public int Channels { get; } = channels;

    public StreamCallbackTarget Target { get; } = callbackTarget;

    /// <summary>1 while the stream runs, 0 when it stopped (JACK shut down), negative on error.</summary>
    public int IsActive => PortAudioNative.Pa_IsStreamActive(_handle);

    public void Dispose()
    {
        if (_handle != IntPtr.Zero)
        {
            PortAudioHost.Close(_handle);
            _handle = IntPtr.Zero;
            _target.Free();
        }
    }
}
