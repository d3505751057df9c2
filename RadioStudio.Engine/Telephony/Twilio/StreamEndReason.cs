namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>Why a media stream ended.</summary>
public enum StreamEndReason
{
    /// <summary>Twilio sent <c>stop</c>: the caller hung up (or the call was ended elsewhere).</summary>
    CallerStopped,

    /// <summary>The socket closed or failed without a <c>stop</c>.</summary>
    SocketClosed,

    /// <summary>The studio ended the call.</summary>
    StudioClosed,

    /// <summary>The <c>start</c> did not carry a valid one-time token for a known call.</summary>
    Rejected,

    /// <summary>A message was larger than the cap.</summary>
    MessageTooBig,

    /// <summary>An unexpected error in the session (logged).</summary>
    Faulted,
}
