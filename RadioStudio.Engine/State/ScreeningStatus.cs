namespace RadioStudio.Engine.State;

/// <summary>Where the AI screener is with a holding caller (the queue item's <c>data-screening</c>).</summary>
public enum ScreeningStatus
{
    /// <summary>Talking to the caller now.</summary>
    Screening,

    /// <summary>Name and topic known.</summary>
    Screened,

    /// <summary>Time or turns ran out, or a human took over, before name and topic were known; the card has what it got.</summary>
    Incomplete,
}
