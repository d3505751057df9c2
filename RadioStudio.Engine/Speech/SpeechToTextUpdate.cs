namespace RadioStudio.Engine.Speech;

/// <summary>Text recognised so far for one segment.</summary>
/// <param name="Text">The text of this update (a final update holds the whole segment's text, possibly empty).</param>
/// <param name="IsFinal">True for the last update of the segment.</param>
public sealed record SpeechToTextUpdate(string Text, bool IsFinal);
