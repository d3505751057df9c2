using System.Collections.Immutable;
using RadioStudio.Engine.Screening;

namespace RadioStudio.Engine.State;

/// <summary>The AI screener's exchange with one holding caller, as the cards show it.</summary>
/// <param name="Status">Screening, screened or incomplete.</param>
/// <param name="Lines">Screener lines and caller answers with their times, oldest first.</param>
/// <param name="Summary">The model's one line for the host, if any.</param>
public sealed record ScreeningState(ScreeningStatus Status, ImmutableList<ScreeningLine> Lines, string? Summary = null)
{
    /// <summary>The human screener took this caller over: the AI screener has stopped.</summary>
    public bool TakenOver { get; init; }

    /// <summary>The value of the queue item's <c>data-screening</c> attribute.</summary>
    public string Attribute => Status.ToString().ToLowerInvariant();
}
