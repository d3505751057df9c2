namespace RadioStudio.Engine.Audio.Media;

/// <summary>
/// Single-producer, single-consumer ring of float samples. The producer (a decoder task) calls
/// <see cref="Write"/>, the consumer (the audio thread) calls <see cref="Read"/>; neither blocks, locks or
/// allocates. Positions are 64-bit counters published with volatile writes, so the consumer never sees a
/// sample before it was stored, and the producer never overwrites one that has not been read.
/// </summary>
internal sealed class SampleRing
{
    private readonly float[] _buffer;
    private long _written;
    private long _read;

    public SampleRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _buffer = RealtimeMemory.Array<float>(capacity);
    }

    /// <summary>Samples the ring holds at most.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Samples stored and not yet read (exact for either side; a snapshot for anyone else).</summary>
    public int Count => (int)(Volatile.Read(ref _written) - Volatile.Read(ref _read));

    /// <summary>Samples written since construction.</summary>
    public long TotalWritten => Volatile.Read(ref _written);

    /// <summary>Samples read since construction.</summary>
    public long TotalRead => Volatile.Read(ref _read);

    /// <summary>Producer: stores as much of <paramref name="samples"/> as fits; returns how many.</summary>
    public int Write(ReadOnlySpan<float> samples)
    {
        var written = _written;
        var free = _buffer.Length - (int)(written - Volatile.Read(ref _read));
        var count = Math.Min(free, samples.Length);
        if (count == 0)
        {
            return 0;
        }

        var start = (int)(written % _buffer.Length);
        var first = Math.Min(count, _buffer.Length - start);
        samples[..first].CopyTo(_buffer.AsSpan(start));
        samples[first..count].CopyTo(_buffer);
        Volatile.Write(ref _written, written + count);
        return count;
    }

    /// <summary>Consumer: moves up to <paramref name="destination"/>.Length samples out; returns how many.</summary>
    public int Read(Span<float> destination)
    {
        var read = _read;
        var count = (int)Math.Min(Volatile.Read(ref _written) - read, destination.Length);
        if (count == 0)
        {
            return 0;
        }

        var start = (int)(read % _buffer.Length);
        var first = Math.Min(count, _buffer.Length - start);
        _buffer.AsSpan(start, first).CopyTo(destination);
        _buffer.AsSpan(0, count - first).CopyTo(destination[first..]);
        Volatile.Write(ref _read, read + count);
        return count;
    }
}
