using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio;

/// <summary>
/// Collects log lines for the console's event log (drained by the engine). Lines are escaped (text from the network
/// can carry newlines or terminal escapes that would forge lines) and each category may write at most
/// <see cref="LinesPerSecond"/> warnings or less a second: a flood of refused requests is summed up in one line
/// instead of pushing the host's real warnings out. Errors always pass.
/// </summary>
public sealed class StudioEventLogSink(TimeProvider time)
{
    /// <summary>Lines one category may write per second (below Error).</summary>
    public const int LinesPerSecond = 20;

    /// <summary>Longest event log line.</summary>
    public const int MaxLineLength = 1000;

    private readonly Channel<StudioLogEntry> _entries = Channel.CreateBounded<StudioLogEntry>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly Dictionary<string, (long Second, int Count, int Suppressed)> _rates = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _sequence;

    internal ChannelReader<StudioLogEntry> Reader => _entries.Reader;

    /// <summary>Queues one line (from any thread).</summary>
    public void Write(LogLevel level, string category, string message)
    {
        var now = time.GetUtcNow();
        int suppressed;
        lock (_gate)
        {
            var second = now.ToUnixTimeSeconds();
            var rate = _rates.GetValueOrDefault(category);
            suppressed = rate.Second == second ? 0 : rate.Suppressed;
            rate = rate.Second == second ? rate : (second, 0, 0);
            if (level < LogLevel.Error && rate.Count >= LinesPerSecond)
            {
                _rates[category] = rate with { Suppressed = rate.Suppressed + 1 };
                return;
            }

            _rates[category] = rate with { Count = rate.Count + 1 };
        }

        if (suppressed > 0)
        {
            Add(now, LogLevel.Warning, category, $"{suppressed} more line(s) from {category} were not shown (more than {LinesPerSecond} a second)");
        }

        Add(now, level, category, LogText.Escape(message, MaxLineLength));
    }

    private void Add(DateTimeOffset at, LogLevel level, string category, string message) =>
        _entries.Writer.TryWrite(new StudioLogEntry(Interlocked.Increment(ref _sequence), at, level, category, message));
}
