namespace RadioStudio.Engine.Telephony.Simulator;

/// <summary>How a simulated call ended.</summary>
public enum SimulatedCallEnd
{
    /// <summary>The studio closed the stream (drop, hang-up, show over).</summary>
    StudioClosed,

    /// <summary>The simulated caller hung up.</summary>
    CallerHungUp,

    /// <summary>The studio answered without a stream (off air, busy) or refused the webhook.</summary>
    Refused,

    /// <summary>The connection failed.</summary>
    Failed,
}
