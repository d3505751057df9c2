namespace RadioStudio.Engine.State;

/// <summary>A show: it starts when the host goes ON AIR and ends when the host goes OFF AIR.</summary>
public sealed record ShowInfo(string Id, string Title, DateTimeOffset Started, DateTimeOffset? Ended)
{
    /// <summary>True while the show is running.</summary>
    public bool IsLive => Ended is null;

    /// <summary>Time the studio was down while the show was live (restarts); the show clock leaves it out.</summary>
    public TimeSpan Downtime { get; init; }

    /// <summary>The show's length on air: until OFF AIR, without the downtime.</summary>
    public TimeSpan? Duration => Ended is { } ended ? Elapsed(ended) : null;

    /// <summary>Show-relative time of <paramref name="instant"/> (at or after the last restart), never negative.</summary>
    public TimeSpan Elapsed(DateTimeOffset instant)
    {
        var end = Ended is { } ended && ended < instant ? ended : instant;
        var elapsed = end - Started - Downtime;
        return elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
    }
}
