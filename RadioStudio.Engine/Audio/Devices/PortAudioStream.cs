namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// An open, started blocking PortAudio stream (48 kHz float32 interleaved). Owned by one thread, which
/// reads or writes it; <see cref="Dispose"/> aborts and closes it and releases the session reference.
/// </summary>
internal sealed unsafe class PortAudioStream(IntPtr handle, AudioDeviceInfo device, int channels) : IDisposable
{
    private IntPtr _handle = handle;

    public AudioDeviceInfo Device { get; } = device;

    public int Channels { get; } = channels;

    /// <summary>Frames that can be written without blocking, or a negative PortAudio error.</summary>
    public long WriteAvailable => PortAudioNative.Pa_GetStreamWriteAvailable(_handle);

    /// <summary>Frames that can be read without blocking, or a negative PortAudio error.</summary>
    public long ReadAvailable => PortAudioNative.Pa_GetStreamReadAvailable(_handle);

    /// <summary>1 while the stream runs, 0 when it stopped (JACK shut down), negative on error.</summary>
    public int IsActive => PortAudioNative.Pa_IsStreamActive(_handle);

    /// <summary>Writes whole interleaved frames; returns the PortAudio result (0, a warning or an error).</summary>
    public int Write(ReadOnlySpan<float> interleaved)
    {
        fixed (float* p = interleaved)
        {
            return PortAudioNative.Pa_WriteStream(_handle, p, (nuint)(interleaved.Length / Channels));
        }
    }

    /// <summary>Reads whole interleaved frames; returns the PortAudio result (0, a warning or an error).</summary>
    public int Read(Span<float> interleaved)
    {
        fixed (float* p = interleaved)
        {
            return PortAudioNative.Pa_ReadStream(_handle, p, (nuint)(interleaved.Length / Channels));
        }
    }

    public void Dispose()
    {
        if (_handle != IntPtr.Zero)
        {
            PortAudioHost.Close(_handle);
            _handle = IntPtr.Zero;
        }
    }
}
