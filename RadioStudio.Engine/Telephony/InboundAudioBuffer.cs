namespace RadioStudio.Engine.Telephony;

/// <summary>
/// A caller's decoded audio (8 kHz float), single producer (the socket's receive loop), single consumer
/// (the audio engine, or a test). Lock-free ring; when the consumer falls behind the oldest audio is
/// overwritten, so memory never grows.
/// </summary>
public sealed class InboundAudioBuffer(int capacity = 8000 * 10)
{
    private readonly float[] _ring = new float[capacity];
    private long _written;
    private long _read;

    /// <summary>Samples ever written.</summary>
    public long TotalWritten => Volatile.Read(ref _written);

    /// <summary>Appends samples (producer side).</summary>
    public void Write(ReadOnlySpan<float> samples)
    {
        var written = _written;
        foreach (var sample in samples)
        {
            _ring[written % capacity] = sample;
            written++;
        }

        Volatile.Write(ref _written, written);
    }

    /// <summary>Reads up to <paramref name="destination"/>.Length samples (consumer side); returns how many.</summary>
    public int Read(Span<float> destination)
    {
        var written = Volatile.Read(ref _written);
        var read = _read;
        if (written - read > capacity)
        {
            read = written - capacity; // the reader fell behind: skip to the oldest audio still held
        }

        var count = (int)Math.Min(destination.Length, written - read);
        for (var i = 0; i < count; i++)
        {
            destination[i] = _ring[(read + i) % capacity];
        }

        Volatile.Write(ref _read, read + count);
        return count;
    }
}
