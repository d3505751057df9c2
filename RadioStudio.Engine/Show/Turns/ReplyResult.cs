namespace RadioStudio.Engine.Show.Turns;

/// <summary>
/// How a reply ended: what was played (the reply's playout, or the fallback line's), from when, its milestones, and
/// its outcome ("spoken", "barged-in", "cancelled", "failed", "fallback"). <see cref="FallbackSpoken"/> is true when the
/// fallback line replaced it (its text is not yet in the transcript; the reply's sentences went in as they were heard).
/// </summary>
internal sealed record ReplyResult(SpeechPlayout Playout, TimeSpan? SpokenFrom, TurnStamps Stamps, string Outcome, bool FallbackSpoken);
