namespace RadioStudio.Engine.Audio.Media;

/// <summary>
/// Bounded lock-free queue for many producers (UI threads) and one consumer (the audio thread): Dmitry
/// Vyukov's array queue, each slot tagged with a sequence number. Enqueue is a CAS on the tail; dequeue is
/// plain reads and one volatile write. Neither side allocates, locks or waits; a full queue refuses.
/// </summary>
internal sealed class CommandQueue<T>
    where T : struct
{
    private readonly Slot[] _slots;
    private readonly int _mask;
    private long _enqueuePosition;
    private long _dequeuePosition;

    /// <param name="capacity">A power of two.</param>
    public CommandQueue(int capacity)
    {
        if (capacity < 2 || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Capacity must be a power of two of at least 2.");
        }

        _slots = new Slot[capacity];
        _mask = capacity - 1;
        for (var i = 0; i < capacity; i++)
        {
            _slots[i].Sequence = i;
        }
    }

    /// <summary>Any thread: adds <paramref name="value"/>; false when the queue is full.</summary>
    public bool TryEnqueue(T value)
    {
        var position = Volatile.Read(ref _enqueuePosition);
        while (true)
        {
            ref var slot = ref _slots[position & _mask];
            var difference = Volatile.Read(ref slot.Sequence) - position;
            if (difference == 0)
            {
                var seen = Interlocked.CompareExchange(ref _enqueuePosition, position + 1, position);
                if (seen == position)
                {
                    slot.Value = value;
                    Volatile.Write(ref slot.Sequence, position + 1);
                    return true;
                }

                position = seen;
            }
            else if (difference < 0)
            {
                return false;
            }
            else
            {
                position = Volatile.Read(ref _enqueuePosition);
            }
        }
    }

    /// <summary>The one consumer: takes the oldest value; false when empty.</summary>
    public bool TryDequeue(out T value)
    {
        var position = _dequeuePosition;
        ref var slot = ref _slots[position & _mask];
        if (Volatile.Read(ref slot.Sequence) != position + 1)
        {
            value = default;
            return false;
        }

        value = slot.Value;
        Volatile.Write(ref slot.Sequence, position + _mask + 1);
        _dequeuePosition = position + 1;
        return true;
    }

    private struct Slot
    {
        public long Sequence;
        public T Value;
    }
}
