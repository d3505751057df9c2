using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.State;

/// <summary>One line of the studio event log shown on the host console.</summary>
public sealed record StudioLogEntry(long Sequence, DateTimeOffset At, LogLevel Level, string Category, string Message);
