namespace RadioStudio.Engine.State;

/// <summary>A phone caller as the pages see them: in the hold queue or on air.</summary>
/// <param name="Id">Studio line id (stable for the life of the call).</param>
/// <param name="Number">Caller number in E.164.</param>
/// <param name="Name">Name given to the screener, if known.</param>
/// <param name="Topic">What the caller wants to talk about, if known.</param>
/// <param name="Notes">Screener notes for the host.</param>
/// <param name="Status">Where the call is in its lifecycle.</param>
/// <param name="Arrived">When the call rang in (wait timers count from here).</param>
/// <param name="OnAirSince">When the caller was last taken to air.</param>
/// <param name="Priority">Queue order: lower goes first.</param>
/// <param name="Channel">Output channel while on air (1-based), otherwise null.</param>
public sealed record PhoneLineState(
    string Id,
    string Number,
    string? Name,
    string? Topic,
    string? Notes,
    LineStatus Status,
    DateTimeOffset Arrived,
    DateTimeOffset? OnAirSince,
    int Priority,
    int? Channel)
{
    /// <summary>Twilio's CallSid (or the simulator's) for this call.</summary>
    public string CallSid { get; init; } = "";

    /// <summary>The screener (or the AI screener) has marked the caller screened.</summary>
    public bool Screened { get; init; }

    /// <summary>A placed test call from the built-in simulator.</summary>
    public bool Simulated { get; init; }

    /// <summary>Something went wrong with this line (shown on the console); the call itself carries on.</summary>
    public string? Problem { get; init; }

    /// <summary>The AI screener's exchange with this caller, or null when it has not talked to them.</summary>
    public ScreeningState? Screening { get; init; }

    /// <summary>The status a queued caller returns to when no longer "next" or taken off air.</summary>
    public LineStatus QueueStatus => Screened ? LineStatus.Screened : LineStatus.Holding;

    /// <summary>True while the caller waits in the hold queue.</summary>
    public bool IsQueued => Status is LineStatus.Ringing or LineStatus.Holding or LineStatus.Screened or LineStatus.Next;

    /// <summary>True while the caller is on air.</summary>
    public bool IsOnAir => Status is LineStatus.OnAir or LineStatus.Locked;

    /// <summary>Name if the screener has one, else the number.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Number : Name;
}
