namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>What one media stream carried and what it refused, counted lock-free.</summary>
public sealed class MediaStreamStats
{
    private long _framesIn;
    private long _framesOut;
    private long _mediaDropped;
    private long _malformed;
    private long _binary;
    private long _unknown;
    private long _mediaBeforeStart;
    private long _badPayload;
    private long _marksAcked;
    private long _lastMarkRoundTripTicks;

    /// <summary>Caller frames accepted.</summary>
    public long FramesIn => Interlocked.Read(ref _framesIn);

    /// <summary>Frames sent to the caller.</summary>
    public long FramesOut => Interlocked.Read(ref _framesOut);

    /// <summary>Outbound frames dropped because 100 ms were already queued.</summary>
    public long MediaDropped => Interlocked.Read(ref _mediaDropped);

    /// <summary>Messages that were not a JSON object.</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Binary frames (Twilio error 31950 territory).</summary>
    public long Binary => Interlocked.Read(ref _binary);

    /// <summary>Well-formed messages of an unknown or unexpected type (duplicate start, clear from the caller side…).</summary>
    public long Unknown => Interlocked.Read(ref _unknown);

    /// <summary>Media frames that came before an accepted <c>start</c>.</summary>
    public long MediaBeforeStart => Interlocked.Read(ref _mediaBeforeStart);

    /// <summary>Media frames whose payload was not base64 or not 160 bytes.</summary>
    public long BadPayload => Interlocked.Read(ref _badPayload);

    /// <summary>Marks that came back.</summary>
    public long MarksAcked => Interlocked.Read(ref _marksAcked);

    /// <summary>Time between sending the last mark and getting it back.</summary>
    public TimeSpan LastMarkRoundTrip => TimeSpan.FromTicks(Interlocked.Read(ref _lastMarkRoundTripTicks));

    /// <summary>Everything refused, for a one-line summary.</summary>
    public long Refused => Malformed + Binary + Unknown + MediaBeforeStart + BadPayload;

    internal void FrameIn() => Interlocked.Increment(ref _framesIn);

    internal void FrameOut() => Interlocked.Increment(ref _framesOut);

    internal void Dropped() => Interlocked.Increment(ref _mediaDropped);

    internal void MalformedMessage() => Interlocked.Increment(ref _malformed);

    internal void BinaryMessage() => Interlocked.Increment(ref _binary);

    internal void UnknownMessage() => Interlocked.Increment(ref _unknown);

    internal void EarlyMedia() => Interlocked.Increment(ref _mediaBeforeStart);

    internal void InvalidPayload() => Interlocked.Increment(ref _badPayload);

    internal void MarkAcked(TimeSpan roundTrip)
    {
        Interlocked.Increment(ref _marksAcked);
        Interlocked.Exchange(ref _lastMarkRoundTripTicks, roundTrip.Ticks);
    }
}
