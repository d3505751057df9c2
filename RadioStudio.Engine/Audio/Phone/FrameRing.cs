namespace RadioStudio.Engine.Audio.Phone;

/// <summary>
/// Storage behind <see cref="JitterBuffer"/>: a fixed ring of frames, slot = sequence mod capacity,
/// each slot tagged with the sequence it holds so a stale slot is never mistaken for a newer frame.
/// The caller keeps every stored sequence within one capacity-wide window. Not thread-safe.
/// </summary>
internal sealed class FrameRing
{
    private const long Empty = long.MinValue;

    private readonly int _frameSize;
    private readonly float[] _samples;
    private readonly long[] _tags;

    public FrameRing(int frameSize, int capacity)
    {
        _frameSize = frameSize;
        _samples = RealtimeMemory.Array<float>(frameSize * capacity);
        _tags = RealtimeMemory.Array<long>(capacity);
        _tags.AsSpan().Fill(Empty);
    }

    /// <summary>Frames stored.</summary>
    public int Count { get; private set; }

    /// <summary>The highest sequence stored (meaningless while empty).</summary>
    public long Newest { get; private set; }

    public bool Contains(long sequence) => _tags[Slot(sequence)] == sequence;

    public void Store(long sequence, ReadOnlySpan<float> frame)
    {
        var slot = Slot(sequence);
        Newest = Count == 0 ? sequence : Math.Max(Newest, sequence);
        if (_tags[slot] == Empty)
        {
            Count++;
        }

        _tags[slot] = sequence;
        frame.CopyTo(_samples.AsSpan(slot * _frameSize, _frameSize));
    }

    /// <summary>Copies frame <paramref name="sequence"/> into <paramref name="destination"/> and frees it; false when absent.</summary>
    public bool Take(long sequence, Span<float> destination)
    {
        var slot = Slot(sequence);
        if (_tags[slot] != sequence)
        {
            return false;
        }

        _samples.AsSpan(slot * _frameSize, _frameSize).CopyTo(destination);
        Free(slot);
        return true;
    }

    /// <summary>Frees frame <paramref name="sequence"/>; false when absent.</summary>
    public bool Remove(long sequence)
    {
        var slot = Slot(sequence);
        if (_tags[slot] != sequence)
        {
            return false;
        }

        Free(slot);
        return true;
    }

    /// <summary>Frees every stored frame in [<paramref name="from"/>, <paramref name="to"/>); returns how many.</summary>
    public int RemoveRange(long from, long to)
    {
        var removed = 0;

        // Only one capacity's worth of sequences can be stored, so a long gap costs no more than that.
        for (var s = from; s < to && s < from + _tags.Length; s++)
        {
            removed += Remove(s) ? 1 : 0;
        }

        return removed;
    }

    private void Free(int slot)
    {
        _tags[slot] = Empty;
        Count--;
    }

    private int Slot(long sequence) => (int)(sequence % _tags.Length);
}
