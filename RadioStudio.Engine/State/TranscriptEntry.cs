namespace RadioStudio.Engine.State;

/// <summary>One line of the show transcript. Times are relative to the show start (ON AIR).</summary>
/// <param name="Id">Database id; increases with every line of every show.</param>
/// <param name="Start">When the line started, relative to the show start.</param>
/// <param name="End">When the line ended (equal to <paramref name="Start"/> for typed lines).</param>
/// <param name="Speaker">Display name of the speaker.</param>
/// <param name="Kind">Which party spoke.</param>
/// <param name="Text">What was said.</param>
public sealed record TranscriptEntry(long Id, TimeSpan Start, TimeSpan End, string Speaker, PartyKind Kind, string Text);
