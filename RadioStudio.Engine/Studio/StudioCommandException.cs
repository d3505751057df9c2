namespace RadioStudio.Engine.Studio;

/// <summary>The studio refused a command; the message is written for the person who asked.</summary>
public sealed class StudioCommandException(string message) : Exception(message);
