using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio;

/// <summary>
/// Where log lines wait for the engine to put them in the event log. Bounded and lossy (oldest first),
/// so logging never blocks and never grows without limit.
/// </summary>
public sealed class StudioEventLogSink(TimeProvider time)
{
    private readonly Channel<StudioLogEntry> _entries = Channel.CreateBounded<StudioLogEntry>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private long _sequence;

    internal ChannelReader<StudioLogEntry> Reader => _entries.Reader;

    /// <summary>Queues one line for the event log.</summary>
    public void Write(LogLevel level, string category, string message) =>
        _entries.Writer.TryWrite(new StudioLogEntry(Interlocked.Increment(ref _sequence), time.GetUtcNow(), level, category, message));
}
