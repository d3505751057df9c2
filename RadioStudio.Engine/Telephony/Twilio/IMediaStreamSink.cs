namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>Where a session delivers the caller's audio and events once its <c>start</c> was accepted.</summary>
public interface IMediaStreamSink
{
    /// <summary>Payload bytes of one 20 ms frame in the stream's format (160 for μ-law 8 kHz).</summary>
    int FrameBytes { get; }

    /// <summary>
    /// One 20 ms frame of the caller's audio (on the session's receive loop). <paramref name="chunk"/> is the
    /// media message's chunk number (1, 2, …; the jitter buffer orders and places frames by it).
    /// </summary>
    void OnMedia(long chunk, ReadOnlySpan<byte> payload);

    /// <summary>The caller pressed a key.</summary>
    void OnDtmf(string digit);

    /// <summary>The stream is over; called exactly once.</summary>
    void OnStreamEnded(StreamEndReason reason);
}
