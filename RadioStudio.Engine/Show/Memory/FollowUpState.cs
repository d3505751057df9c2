namespace RadioStudio.Engine.Show.Memory;

/// <summary>An AI caller picked to react to an ended phone call, shown to the host before they air.</summary>
/// <param name="Slot">The board slot of the follower.</param>
/// <param name="Name">The follower's name.</param>
/// <param name="Reason">One line: why this caller (says "rule" when no model picked).</param>
/// <param name="AfterRecordId">The call record they follow.</param>
/// <param name="AfterName">Who they follow.</param>
/// <param name="DueAt">Auto mode: when they go on the line unless skipped; null when the host decides.</param>
public sealed record FollowUpState(int Slot, string Name, string Reason, string AfterRecordId, string AfterName, DateTimeOffset? DueAt);
