namespace RadioStudio.Engine.Export;

/// <summary>One row of the shows archive.</summary>
/// <param name="Id">The show's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Started">ON AIR.</param>
/// <param name="Ended">OFF AIR; null while live.</param>
/// <param name="Calls">Ended calls recorded for it.</param>
public sealed record ShowSummary(string Id, string Title, DateTimeOffset Started, DateTimeOffset? Ended, int Calls)
{
    /// <summary>Its length on air (without any downtime a restart caused); zero while live.</summary>
    public TimeSpan Duration { get; init; }
}
