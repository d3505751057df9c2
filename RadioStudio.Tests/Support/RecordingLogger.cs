using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RadioStudio.Tests.Support;

/// <summary>Keeps every log line so tests can assert what the engine reported; optionally passes them on.</summary>
public sealed class RecordingLogger<T>(ILogger? forward = null) : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Error)> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Lines.Enqueue((logLevel, formatter(state, exception), exception));
        forward?.Log(logLevel, eventId, state, exception, formatter);
    }
}
