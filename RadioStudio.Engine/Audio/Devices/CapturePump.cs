namespace RadioStudio.Engine.Audio.Devices;

/// <summary>Pushes a mono input stream's callbacks straight into a <see cref="CaptureFanout"/>. Runs on the device thread.</summary>
internal sealed unsafe class CapturePump(CaptureFanout fanout) : StreamCallbackTarget
{
    /// <summary>paInputOverflow in the callback's status flags.</summary>
    private const nuint InputOverflow = 0x2;

    private long _frames;
    private long _overflows;

    /// <summary>Frames captured.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Callbacks in which the device reported lost input.</summary>
    public long Overflows => Interlocked.Read(ref _overflows);

    protected override int OutputChannels => 0;

    protected override void Process(float* input, float* output, int frames, nuint statusFlags)
    {
        if ((statusFlags & InputOverflow) != 0)
        {
            Interlocked.Increment(ref _overflows);
        }

        if (input is not null)
        {
            fanout.Push(new ReadOnlySpan<float>(input, frames));
        }

        Interlocked.Add(ref _frames, frames);
    }
}
