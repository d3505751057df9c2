using System.Runtime.CompilerServices;

namespace RadioStudio.Engine.Audio.Phone;

/// <summary>
/// Adaptive jitter buffer for one phone line's fixed-size (20 ms) frames keyed by sequence number: a
/// network thread calls <see cref="Push"/>, the audio clock calls <see cref="Read"/>, which always
/// fills its block with audio or silence. Counters: <see cref="Stats"/>. No allocation after construction.
/// <para>
/// Threading: no lock. <see cref="Push"/> only copies the frame into a single-producer/single-consumer ring of
/// arrivals (preallocated, <see cref="ArrivalCapacity"/> frames); each <see cref="Read"/> first takes every arrival in
/// (reordering, duplicates, overflow) and then plays, so all the buffer's state belongs to the audio thread and a
/// network thread preempted mid-push can never hold it up. Counters and <see cref="BufferedFrames"/> move when the
/// audio thread takes frames in. Arrivals beyond <see cref="ArrivalCapacity"/> between two reads (over a second with
/// no audio clock) are dropped as overflows.
/// </para>
/// <para>
/// Silence while priming until <see cref="TargetFrames"/> frames are queued; play in sequence order;
/// a frame older than the play cursor, or a duplicate, is dropped (LateDropped); a hole at play time
/// plays plain silence (Lost), not a fade, so output stays exact and concealment can sit on top; an
/// empty buffer plays silence (Underruns) and primes again; a frame beyond <see cref="MaxFrames"/>
/// drops the oldest (Overflows). The target adapts, and frames that sit unused for a second are skipped
/// one at a time (Trimmed), as <see cref="JitterTarget"/> describes.
/// </para>
/// </summary>
public sealed class JitterBuffer
{
    /// <summary>Default priming target: 2 frames, 40 ms.</summary>
    public const int DefaultTargetFrames = 2;

    /// <summary>Default capacity: 10 frames, 200 ms.</summary>
    public const int DefaultMaxFrames = 10;

    private readonly FrameRing _ring;
    private readonly long[] _arrivalSequences;
    private readonly float[] _arrivalFrames;
    private long _arrivalTail; // written by the producer only
    private long _arrivalHead; // written by the audio thread only
    private volatile int _bufferedSnapshot;
    private volatile int _targetSnapshot;
    private readonly JitterTarget _target;
    private bool _priming = true;
    private long _start;                 // Window base: next to play while playing, oldest queued while priming.
    private long _floor = long.MinValue; // First sequence not yet played or skipped; anything below is late.
    private long _lateDropped, _lost, _underruns, _overflows, _trimmed;

    /// <summary>Creates a buffer of <paramref name="frameSize"/>-sample frames.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive or the target exceeds the capacity.</exception>
    public JitterBuffer(int frameSize, int targetFrames = DefaultTargetFrames, int maxFrames = DefaultMaxFrames)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetFrames);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetFrames, maxFrames);
        FrameSize = frameSize;
        MaxFrames = maxFrames;
        _ring = new FrameRing(frameSize, maxFrames);
        _target = new JitterTarget(targetFrames, maxFrames);
        ArrivalCapacity = Math.Max(64, 4 * maxFrames);
        _arrivalSequences = RealtimeMemory.Array<long>(ArrivalCapacity);
        _arrivalFrames = RealtimeMemory.Array<float>(ArrivalCapacity * frameSize);
        _targetSnapshot = targetFrames;
    }

    /// <summary>Frames that may arrive between two reads before new ones are dropped (at least 64: 1.28 s).</summary>
    public int ArrivalCapacity { get; }

    /// <summary>Samples per frame and per <see cref="Read"/> block.</summary>
    public int FrameSize { get; }

    /// <summary>Capacity in frames.</summary>
    public int MaxFrames { get; }

    /// <summary>Frames queued before playing starts or resumes; adapts between the initial value and <see cref="JitterTarget.MaxTargetFrames"/>.</summary>
    public int TargetFrames => _targetSnapshot;

    /// <summary>Frames queued now: those taken in at the last read still waiting to play, plus arrivals since.</summary>
    public int BufferedFrames => _bufferedSnapshot + (int)(Volatile.Read(ref _arrivalTail) - Volatile.Read(ref _arrivalHead));

    /// <summary>The counters, each read atomically; safe from any thread.</summary>
    public JitterBufferStats Stats => new(
        Interlocked.Read(ref _lateDropped), Interlocked.Read(ref _lost), Interlocked.Read(ref _underruns),
        Interlocked.Read(ref _overflows), Interlocked.Read(ref _trimmed));

    /// <summary>Queues one frame (network thread; one producer at a time). Never blocks.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The sequence is negative or the frame is not <see cref="FrameSize"/> samples.</exception>
    public void Push(long sequenceNumber, ReadOnlySpan<float> frame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequenceNumber);
        ArgumentOutOfRangeException.ThrowIfNotEqual(frame.Length, FrameSize);
        var tail = _arrivalTail;
        if (tail - Volatile.Read(ref _arrivalHead) >= ArrivalCapacity)
        {
            Interlocked.Increment(ref _overflows);
            return;
        }

        var slot = (int)(tail % ArrivalCapacity);
        _arrivalSequences[slot] = sequenceNumber;
        frame.CopyTo(_arrivalFrames.AsSpan(slot * FrameSize, FrameSize));
        Volatile.Write(ref _arrivalTail, tail + 1);
    }

    /// <summary>Takes every frame that arrived since the last read into the buffer (audio thread).</summary>
    private void TakeArrivals()
    {
        var head = _arrivalHead;
        var tail = Volatile.Read(ref _arrivalTail);
        for (; head < tail; head++)
        {
            var slot = (int)(head % ArrivalCapacity);
            Admit(_arrivalSequences[slot], _arrivalFrames.AsSpan(slot * FrameSize, FrameSize));
        }

        Volatile.Write(ref _arrivalHead, head);
    }

    private void Admit(long sequenceNumber, ReadOnlySpan<float> frame)
    {
        if (sequenceNumber < _floor || _ring.Contains(sequenceNumber))
        {
            // Too late to play, or a duplicate of a frame already queued.
            Interlocked.Increment(ref _lateDropped);
            return;
        }

        if (_ring.Count > 0 && sequenceNumber < _start && _ring.Newest - sequenceNumber >= MaxFrames)
        {
            // Priming only (playing keeps _floor == _start): moving back must not push newer frames out.
            Interlocked.Increment(ref _overflows);
            return;
        }

        _start = (_priming && _ring.Count == 0) || sequenceNumber < _start ? sequenceNumber : _start;
        var newStart = sequenceNumber - MaxFrames + 1;
        if (newStart > _start)
        {
            // Overflow: the oldest frames make room for the new one.
            Interlocked.Add(ref _overflows, _ring.RemoveRange(_start, newStart));
            _start = newStart;
            _floor = Math.Max(_floor, newStart);
        }

        _ring.Store(sequenceNumber, frame);
    }

    /// <summary>Fills <paramref name="block"/> with the next frame or silence (audio thread).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="block"/> is not <see cref="FrameSize"/> samples.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Read(Span<float> block)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(block.Length, FrameSize);
        TakeArrivals();
        var underrun = !_priming && _ring.Count == 0;
        _priming = underrun || (_priming && _ring.Count < _target.Frames);
        if (underrun)
        {
            Interlocked.Increment(ref _underruns);
        }

        if (_priming)
        {
            block.Clear();
        }
        else
        {
            if (!_ring.Take(_start, block))
            {
                block.Clear();
                Interlocked.Increment(ref _lost);
            }

            _floor = ++_start;
        }

        if (_target.OnRead(underrun, _ring.Count) && !_priming)
        {
            // The oldest queued frame has not been needed as a cushion for a second: skip it, 20 ms less delay. A hole
            // there (a frame that never arrived, or was already dropped as an overflow) is skipped but not counted.
            if (_ring.Remove(_start))
            {
                Interlocked.Increment(ref _trimmed);
            }

            _floor = ++_start;
        }

        _bufferedSnapshot = _ring.Count;
        _targetSnapshot = _target.Frames;
    }
}
