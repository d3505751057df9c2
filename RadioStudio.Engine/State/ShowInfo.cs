namespace RadioStudio.Engine.State;

/// <summary>A show: it starts when the host goes ON AIR and ends when the host goes OFF AIR.</summary>
public sealed record ShowInfo(string Id, string Title, DateTimeOffset Started, DateTimeOffset? Ended)
{
    /// <summary>True while the show is running.</summary>
    public bool IsLive => Ended is null;

    /// <summary>Show-relative time of <paramref name="instant"/>, never negative.</summary>
    public TimeSpan Elapsed(DateTimeOffset instant)
    {
        var end = Ended is { } ended && ended < instant ? ended : instant;
        var elapsed = end - Started;
        return elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
    }
}
