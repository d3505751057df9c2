using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Studio;

/// <summary>
/// Feeds the host console's event log: RadioStudio's own lines from Information up, the framework's
/// errors only (its warnings are for the operator's console, not the host's).
/// </summary>
[ProviderAlias("StudioEventLog")]
internal sealed class StudioEventLogProvider(StudioEventLogSink sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new EventLogger(sink, categoryName);

    public void Dispose()
    {
    }

    private sealed class EventLogger(StudioEventLogSink sink, string category) : ILogger
    {
        private readonly string _shortCategory = category[(category.LastIndexOf('.') + 1)..];
        private readonly LogLevel _minimum = category.StartsWith("RadioStudio", StringComparison.Ordinal) ? LogLevel.Information : LogLevel.Error;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= _minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            if (exception is not null)
            {
                message = $"{message}: {exception.Message}";
            }

            sink.Write(logLevel, _shortCategory, message);
        }
    }
}
