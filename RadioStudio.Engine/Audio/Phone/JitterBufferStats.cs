namespace RadioStudio.Engine.Audio.Phone;

/// <summary>Counters of a <see cref="JitterBuffer"/> since it was created, in frames.</summary>
/// <param name="LateDropped">Frames that arrived after their slot had been played or skipped, or twice.</param>
/// <param name="Lost">Slots played as silence because their frame was missing while later ones were queued.</param>
/// <param name="Underruns">Reads that found the buffer empty while playing; each starts a new priming phase.</param>
/// <param name="Overflows">Queued frames dropped, oldest first, because a newer frame did not fit.</param>
/// <param name="Trimmed">Queued frames skipped to cut latency when the adaptive target shrank.</param>
public readonly record struct JitterBufferStats(long LateDropped, long Lost, long Underruns, long Overflows, long Trimmed);
