namespace RadioStudio.Engine.Show.Memory;

/// <summary>The AI caller picked to follow up a call: board slot and one line of why.</summary>
public sealed record FollowUpPick(int Slot, string Reason);
