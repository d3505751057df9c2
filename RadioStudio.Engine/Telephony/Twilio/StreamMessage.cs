namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>
/// One parsed Media Streams message. Reused for every message of a socket so media frames allocate
/// nothing: the payload is decoded into the caller's buffer and only its length is kept here.
/// </summary>
public sealed class StreamMessage
{
    /// <summary>The message type.</summary>
    public StreamEvent Event { get; internal set; }

    /// <summary>Twilio's sequenceNumber, or -1.</summary>
    public long SequenceNumber { get; internal set; }

    /// <summary>media.chunk, or -1.</summary>
    public long Chunk { get; internal set; }

    /// <summary>media.timestamp in ms since the stream started, or -1.</summary>
    public long TimestampMs { get; internal set; }

    /// <summary>Bytes of decoded payload written to the caller's buffer (media only).</summary>
    public int PayloadLength { get; internal set; }

    /// <summary>The payload was present but was not valid base64, or did not fit the buffer.</summary>
    public bool PayloadInvalid { get; internal set; }

    /// <summary>streamSid (the same string instance while it does not change, so media frames allocate nothing).</summary>
    public string? StreamSid { get; internal set; }

    /// <summary>The last streamSid read by this instance, reused when the next message carries the same one.</summary>
    internal string? StreamSidCache { get; set; }

    /// <summary>mark.name.</summary>
    public string? MarkName { get; internal set; }

    /// <summary>dtmf.digit.</summary>
    public string? Digit { get; internal set; }

    /// <summary>The start block, for <see cref="StreamEvent.Start"/>.</summary>
    public StreamStart? Start { get; internal set; }

    /// <summary>stop.callSid, for <see cref="StreamEvent.Stop"/>.</summary>
    public string? StopCallSid { get; internal set; }

    internal void Reset()
    {
        Event = StreamEvent.Unknown;
        SequenceNumber = Chunk = TimestampMs = -1;
        PayloadLength = 0;
        PayloadInvalid = false;
        StreamSid = MarkName = Digit = StopCallSid = null;
        Start = null;
    }
}
