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
    /// <summary>True while the caller waits in the hold queue.</summary>
    public bool IsQueued => Status is LineStatus.Ringing or LineStatus.Holding or LineStatus.Screened or LineStatus.Next;

    /// <summary>True while the caller is on air.</summary>
    public bool IsOnAir => Status is LineStatus.OnAir or LineStatus.Locked;

    /// <summary>Name if the screener has one, else the number.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Number : Name;
}
