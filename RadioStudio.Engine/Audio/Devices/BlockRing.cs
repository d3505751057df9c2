namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// A lock-free single-producer single-consumer ring of fixed-size blocks. The producer (audio clock) never
/// waits: when the ring is full it drops the oldest block (an overrun). Both sides advance the read index
/// by compare-and-swap, and the producer keeps one slot spare, so a block the consumer is copying can only
/// be overwritten after the producer has already dropped it — the consumer's CAS then fails and it retries
/// with the next block, never emitting a torn one.
/// </summary>
internal sealed class BlockRing
{
    private readonly float[] _data;
    private readonly int _slots;
    private long _read;
    private long _write;
    private long _overruns;

    /// <param name="blockLength">Floats per block.</param>
    /// <param name="capacity">Blocks the ring holds when full.</param>
    public BlockRing(int blockLength, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        BlockLength = blockLength;
        Capacity = capacity;
        _slots = capacity + 1;
        _data = RealtimeMemory.Array<float>(blockLength * _slots);
    }

    public int BlockLength { get; }

    public int Capacity { get; }

    /// <summary>Blocks waiting (a snapshot; either side may move it at once).</summary>
    public int Count
    {
        get
        {
            var read = Volatile.Read(ref _read);
            var write = Volatile.Read(ref _write);
            return (int)Math.Clamp(write - read, 0, Capacity);
        }
    }

    /// <summary>Blocks the producer dropped because the ring was full.</summary>
    public long Overruns => Interlocked.Read(ref _overruns);

    /// <summary>Producer: the slot to fill next (drops the oldest block first if the ring is full). Call <see cref="EndWrite"/> after filling.</summary>
    public Span<float> BeginWrite()
    {
        var write = _write;
        while (true)
        {
            var read = Volatile.Read(ref _read);
            if (write - read < Capacity)
            {
                break;
            }

            if (Interlocked.CompareExchange(ref _read, read + 1, read) == read)
            {
                Interlocked.Increment(ref _overruns);
                break;
            }
        }

        return _data.AsSpan((int)(write % _slots) * BlockLength, BlockLength);
    }

    /// <summary>Producer: publishes the block filled since <see cref="BeginWrite"/>.</summary>
    public void EndWrite() => Volatile.Write(ref _write, _write + 1);

    /// <summary>Consumer: copies the oldest block out and removes it; false when empty.</summary>
    public bool TryRead(Span<float> destination)
    {
        while (true)
        {
            var read = Volatile.Read(ref _read);
            if (read >= Volatile.Read(ref _write))
            {
                return false;
            }

            _data.AsSpan((int)(read % _slots) * BlockLength, BlockLength).CopyTo(destination);
            if (Interlocked.CompareExchange(ref _read, read + 1, read) == read)
            {
                return true;
            }
        }
    }

    /// <summary>Consumer: discards up to <paramref name="blocks"/> oldest blocks; returns how many went.</summary>
    public int Drop(int blocks)
    {
        var dropped = 0;
        while (dropped < blocks)
        {
            var read = Volatile.Read(ref _read);
            if (read >= Volatile.Read(ref _write))
            {
                break;
            }

            if (Interlocked.CompareExchange(ref _read, read + 1, read) == read)
            {
                dropped++;
            }
        }

        return dropped;
    }
}
