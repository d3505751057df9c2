namespace RadioStudio.Engine.Screening;

/// <summary>One line of a screening exchange, shown with its time on the caller's card.</summary>
/// <param name="At">When it was said.</param>
/// <param name="FromScreener">True for the AI screener, false for the caller.</param>
/// <param name="Text">What was said (a caller answer may be empty when speech recognition could not read it).</param>
/// <param name="ClipId">The caller answer's audio clip, if kept.</param>
public sealed record ScreeningLine(DateTimeOffset At, bool FromScreener, string Text, string? ClipId = null);
