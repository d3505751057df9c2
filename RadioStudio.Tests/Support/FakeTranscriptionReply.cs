namespace RadioStudio.Tests.Support;

/// <summary>How the fake answers one transcription request.</summary>
public sealed record FakeTranscriptionReply(string Text, TimeSpan Delay, int Status = 200);
