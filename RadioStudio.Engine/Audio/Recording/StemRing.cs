using System.Collections.Immutable;
using RadioStudio.Engine.Audio.Routing;

namespace RadioStudio.Engine.Audio.Recording;

/// <summary>
/// Single-producer single-consumer ring of preallocated block slots (every bus of one <see cref="MixBlock"/>
/// per slot). The audio thread fills and publishes a slot with a volatile write of the head; the writer
/// thread reads it and releases it with a volatile write of the tail. No locks, no allocation after construction.
/// </summary>
internal sealed class StemRing
{
    private readonly float[] _samples;
    private readonly bool[] _active;
    private readonly long[] _index;
    private readonly int _buses;
    private long _head;
    private long _tail;

    public StemRing(int capacity, ImmutableArray<BusId> layout)
    {
        Capacity = capacity;
        Layout = layout;
        _buses = layout.Length;
        _samples = RealtimeMemory.Array<float>((long)capacity * _buses * MixBlock.Samples);
        _active = new bool[capacity * _buses];
        _index = RealtimeMemory.Array<long>(capacity);
    }

    /// <summary>Slots.</summary>
    public int Capacity { get; }

    /// <summary>The bus layout every slot holds.</summary>
    public ImmutableArray<BusId> Layout { get; }

    /// <summary>Blocks queued and not yet released (either side may read it).</summary>
    public long Count => Volatile.Read(ref _head) - Volatile.Read(ref _tail);

    /// <summary>True when <paramref name="buses"/> is this ring's layout.</summary>
    public bool Fits(ImmutableArray<BusId> buses) => buses == Layout || buses.AsSpan().SequenceEqual(Layout.AsSpan());

    /// <summary>Producer: copies the block into the next slot, or returns false when the ring is full.</summary>
    public bool TryWrite(MixBlock block)
    {
        var head = _head;
        if (head - Volatile.Read(ref _tail) >= Capacity)
        {
            return false;
        }

        var slot = (int)(head % Capacity);
        for (var bus = 0; bus < _buses; bus++)
        {
            block[bus].CopyTo(Samples(slot, bus));
            _active[(slot * _buses) + bus] = block.IsActive(bus);
        }

        _index[slot] = block.Index;
        Volatile.Write(ref _head, head + 1);
        return true;
    }

    /// <summary>Consumer: the oldest published slot and its block index, if any.</summary>
    public bool TryPeek(out int slot, out long blockIndex)
    {
        var tail = _tail;
        if (Volatile.Read(ref _head) == tail)
        {
            slot = -1;
            blockIndex = -1;
            return false;
        }

        slot = (int)(tail % Capacity);
        blockIndex = _index[slot];
        return true;
    }

    /// <summary>Consumer: hands the peeked slot back to the producer.</summary>
    public void Release() => Volatile.Write(ref _tail, _tail + 1);

    /// <summary>Empties the ring; only when neither side is using it.</summary>
    public void Reset()
    {
        _head = 0;
        _tail = 0;
    }

    /// <summary>The samples of <paramref name="bus"/> in <paramref name="slot"/>.</summary>
    public Span<float> Samples(int slot, int bus) =>
        _samples.AsSpan((int)(((long)slot * _buses + bus) * MixBlock.Samples), MixBlock.Samples);

    /// <summary>Whether <paramref name="bus"/> was active in <paramref name="slot"/>.</summary>
    public bool IsActive(int slot, int bus) => _active[(slot * _buses) + bus];
}
