namespace RadioStudio.Engine.Speech.Whisper;

/// <summary>One piece of a Whisper transcript with its time in the speech segment.</summary>
/// <param name="Text">The recognised text (trimmed).</param>
/// <param name="Start">Where it starts, from the segment's start.</param>
/// <param name="End">Where it ends, from the segment's start.</param>
public sealed record WhisperTranscriptSegment(string Text, TimeSpan Start, TimeSpan End);
