using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>
/// One ended call of a show (table <c>call_records</c>): who, when (absolute and relative to ON AIR), why it
/// ended, the transcript lines it spans and, once written, its summary.
/// </summary>
/// <param name="Id">The phone line id for phone calls; a fresh id for AI calls.</param>
/// <param name="ShowId">The show the call was part of.</param>
/// <param name="Kind"><see cref="PartyKind.Phone"/> or <see cref="PartyKind.Ai"/>.</param>
/// <param name="Name">The caller's name as the show knew it.</param>
/// <param name="Number">E.164 number for phone callers; null for AI callers.</param>
/// <param name="Started">When the call went on air.</param>
/// <param name="Ended">When the call ended.</param>
/// <param name="StartOffset">Start relative to the show's ON AIR.</param>
/// <param name="EndOffset">End relative to the show's ON AIR.</param>
/// <param name="EndReason">Why it ended (hung up, dropped, off air, …).</param>
/// <param name="FirstEntryId">First transcript entry of the call, if any was said.</param>
/// <param name="LastEntryId">Last transcript entry of the call, if any was said.</param>
/// <param name="Summary">One or two sentences; null while pending.</param>
/// <param name="SummarySource">How the summary was written; null while pending.</param>
/// <param name="RegularId">The AI regular this caller is, if any.</param>
public sealed record CallRecord(
    string Id,
    string ShowId,
    PartyKind Kind,
    string Name,
    string? Number,
    DateTimeOffset Started,
    DateTimeOffset Ended,
    TimeSpan StartOffset,
    TimeSpan EndOffset,
    string EndReason,
    long? FirstEntryId,
    long? LastEntryId,
    string? Summary,
    SummarySource? SummarySource,
    string? RegularId)
{
    /// <summary>True until the background summariser has written the summary.</summary>
    public bool SummaryPending => SummarySource is null;
}
