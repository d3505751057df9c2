using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// The managed side of a PortAudio callback stream. PortAudio calls <see cref="Callback"/> on the device's
/// real-time thread (JACK's process thread, ALSA's I/O thread) with this object's GC handle as user data;
/// <see cref="Process"/> must not allocate, block, log or throw. The owner's monitor thread watches
/// <see cref="LastCallback"/> to notice a device that stopped calling (vanished, server killed).
/// </summary>
/// <remarks>
/// Callback mode rather than Pa_WriteStream/Pa_ReadStream: PortAudio 19.6's JACK blocking emulation sizes
/// its FIFO frames for two channels (a FIXME in pa_jack.c), so 8-channel blocking writes came out garbled
/// (measured: a 0.1 tone arrived at 0.018), and a blocking call into a killed JACK server waits on a
/// semaphore nothing posts again. A callback has neither problem and is paced by the device's own clock.
/// </remarks>
internal abstract unsafe class StreamCallbackTarget
{
    private long _lastCallback = Stopwatch.GetTimestamp();
    private long _faults;

    /// <summary>Stopwatch timestamp of the latest callback (starts at creation).</summary>
    public long LastCallback => Interlocked.Read(ref _lastCallback);

    /// <summary>Callbacks that threw (the stream keeps going with silence).</summary>
    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>The PortAudio stream callback, for Pa_OpenStream.</summary>
    public static delegate* unmanaged[Cdecl]<void*, void*, nuint, void*, nuint, void*, int> Callback => &OnAudio;

    /// <summary>Fills <paramref name="output"/> and/or consumes <paramref name="input"/> (interleaved, <paramref name="frames"/> frames).</summary>
    protected abstract void Process(float* input, float* output, int frames, nuint statusFlags);

    /// <summary>Channels of the output buffer (0 for an input stream): what to silence after a fault.</summary>
    protected abstract int OutputChannels { get; }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnAudio(void* input, void* output, nuint frames, void* timeInfo, nuint statusFlags, void* userData)
    {
        var target = GCHandle.FromIntPtr((IntPtr)userData).Target as StreamCallbackTarget;
        if (target is null)
        {
            return 1; // paComplete: nobody is listening any more
        }

        Volatile.Write(ref target._lastCallback, Stopwatch.GetTimestamp());
        try
        {
            target.Process((float*)input, (float*)output, (int)frames, statusFlags);
        }
        catch (Exception)
        {
            // An exception must never unwind into PortAudio's thread: count it and play silence.
            Interlocked.Increment(ref target._faults);
            if (output is not null)
            {
                new Span<float>(output, (int)frames * target.OutputChannels).Clear();
            }
        }

        return 0; // paContinue
    }
}
