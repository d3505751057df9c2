namespace RadioStudio.Engine.Telephony;

/// <summary>How the studio answered a call, and the TwiML to return.</summary>
public sealed record CallAnswer(CallAnswerKind Kind, string Twiml);

/// <summary>The studio's three answers.</summary>
public enum CallAnswerKind
{
    /// <summary>Greeting, then the media stream: the caller joins the queue.</summary>
    Connected,

    /// <summary>Off-air message and hang up.</summary>
    OffAir,

    /// <summary>Busy message and hang up (lines blocked or full).</summary>
    Busy,
}
