namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// Feeds a device output from a <see cref="Playout"/>: each callback copies the frames the device asks for,
/// taking the next 20 ms block from the ring whenever the current one is used up. Runs on the device thread.
/// </summary>
internal sealed unsafe class OutputPump(Playout playout, int channels) : StreamCallbackTarget
{
    /// <summary>paOutputUnderflow in the callback's status flags.</summary>
    private const nuint OutputUnderflow = 0x4;
    private const int Frames = 960;

    private readonly float[] _block = RealtimeMemory.Array<float>(Frames * channels);
    private int _offset = Frames;
    private long _deviceUnderflows;

    public Playout Playout { get; } = playout;

    /// <summary>Callbacks in which the device reported it had run dry (its own underflow, e.g. a JACK xrun).</summary>
    public long DeviceUnderflows => Interlocked.Read(ref _deviceUnderflows);

    protected override int OutputChannels => channels;

    protected override void Process(float* input, float* output, int frames, nuint statusFlags)
    {
        if ((statusFlags & OutputUnderflow) != 0)
        {
            Interlocked.Increment(ref _deviceUnderflows);
        }

        var destination = new Span<float>(output, frames * channels);
        while (!destination.IsEmpty)
        {
            if (_offset == Frames)
            {
                Playout.Next(_block);
                _offset = 0;
            }

            var count = Math.Min(Frames - _offset, destination.Length / channels);
            _block.AsSpan(_offset * channels, count * channels).CopyTo(destination);
            destination = destination[(count * channels)..];
            _offset += count;
        }
    }
}
