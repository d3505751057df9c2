using RadioStudio.Engine.Threading;

namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>
/// Wakes the media streams' send loops for the audio clock, so the clock thread does one cheap thing per block
/// instead of one thread-pool hand-off per caller. During a block the clock names each stream that got a frame
/// (<see cref="TryRequest"/>: a reference written into a single-producer ring, nothing else); after the block it
/// posts one POSIX semaphore (<see cref="Flush"/>). The pump's own thread then wakes those send loops — each wake-up
/// of a waiting loop queues it on the thread pool, which can mean a futex wake and the pool's locks: work that now
/// happens here, off the real-time thread. When the ring is full (the pump thread stalled for several blocks) or
/// the pump is stopped, the stream wakes its own loop as before, so a frame is never stranded.
/// </summary>
public sealed class MediaSendPump : IDisposable
{
    /// <summary>Requests the ring holds: 16 blocks' worth at 64 lines before a stream falls back to waking itself.</summary>
    public const int Capacity = 1024;

    private const int Mask = Capacity - 1;
    private readonly MediaStreamSession?[] _ring = new MediaStreamSession?[Capacity];
    private readonly PosixSemaphore _signal = new();
    private readonly Thread _thread;
    private long _tail; // written by the producer (the clock thread) only
    private long _head; // written by the pump thread only
    private long _flushed; // the tail at the last post (producer only)
    private long _woken;
    private long _posts;
    private volatile bool _stopped;

    /// <summary>Starts the pump's thread.</summary>
    public MediaSendPump()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "RadioStudio MediaSend" };
        _thread.Start();
    }

    /// <summary>Send loops woken by the pump so far.</summary>
    public long Woken => Interlocked.Read(ref _woken);

    /// <summary>Semaphore posts so far (at most one per block that queued a frame).</summary>
    public long Posts => Interlocked.Read(ref _posts);

    /// <summary>
    /// Names a stream whose send loop must wake after this block. Producer side (one thread at a time: the audio clock);
    /// lock-free, allocation-free. False when the ring is full or the pump stopped: the caller wakes the loop itself.
    /// </summary>
    internal bool TryRequest(MediaStreamSession session)
    {
        var tail = _tail;
        if (_stopped || tail - Volatile.Read(ref _head) >= Capacity)
        {
            return false;
        }

        _ring[tail & Mask] = session;
        Volatile.Write(ref _tail, tail + 1);

        // A stop racing this request: either the pump's last drain sees the request, or this sees the stop and the
        // caller wakes the loop itself (a second wake-up is harmless).
        Interlocked.MemoryBarrier();
        return !_stopped;
    }

    /// <summary>After the block: one semaphore post if anything was requested since the last one. Producer side.</summary>
    internal void Flush()
    {
        var tail = _tail;
        if (tail == _flushed)
        {
            return;
        }

        _flushed = tail;
        try
        {
            _signal.Post();
            Interlocked.Increment(ref _posts);
        }
        catch (ObjectDisposedException)
        {
            // Stopped under the clock's feet at shutdown: the streams are closing and wake themselves.
        }
    }

    /// <summary>Stops the pump's thread once it has woken everything already requested.</summary>
    public void Dispose()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        _signal.Post();
        _thread.Join();
        _signal.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            _signal.Wait();
            Drain();
            if (_stopped)
            {
                // A request that raced the stop is still in the ring: wake it too.
                Drain();
                return;
            }
        }
    }

    private void Drain()
    {
        var head = _head;
        var tail = Volatile.Read(ref _tail);
        while (head < tail)
        {
            var slot = (int)(head & Mask);
            var session = _ring[slot];
            _ring[slot] = null;
            Volatile.Write(ref _head, ++head);
            session?.WakeSender();
            Interlocked.Increment(ref _woken);
        }
    }
}
