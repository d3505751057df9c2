namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>What became of a request to change a live call.</summary>
public enum CallUpdateOutcome
{
    /// <summary>Twilio accepted the change.</summary>
    Updated,

    /// <summary>The call had already ended (HTTP 404 / Twilio error 20404): nothing left to change.</summary>
    AlreadyEnded,

    /// <summary>Twilio refused, failed or could not be reached; the result's message says which.</summary>
    Failed,

    /// <summary>No Twilio credentials (local mode): no request was sent.</summary>
    NotConfigured,
}
