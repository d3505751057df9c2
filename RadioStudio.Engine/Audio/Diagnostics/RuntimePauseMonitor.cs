using System.Diagnostics.Tracing;

namespace RadioStudio.Engine.Audio.Diagnostics;

/// <summary>
/// Records every time the .NET runtime suspended all managed threads (for a garbage collection, for tiered
/// compilation's call-counting clean-up, or anything else), from the runtime's own GCSuspendEEBegin and
/// GCRestartEEEnd events. The audio clock's thread is managed, so each suspension is a window in which a block
/// cannot run; matching them with late blocks says which kind of pause is behind a late block.
/// It also records what the clock thread itself did that can stall it: methods compiled on it (JIT) and locks it
/// waited for (contention). Diagnostics only (<c>Audio:DiagnoseClock</c>): it keeps the last <see cref="Capacity"/> of each.
/// </summary>
public sealed class RuntimePauseMonitor : EventListener
{
    /// <summary>Suspensions kept (the oldest are overwritten).</summary>
    public const int Capacity = 16_384;

    private const long GcKeyword = 0x1;
    private const long JitKeyword = 0x10;
    private const long ContentionKeyword = 0x4000;
    private const int RestartEeEnd = 3;
    private const int SuspendEeBegin = 9;
    private const int SuspendEeEnd = 8;
    private const int GcStart = 1;
    private const int ContentionStart = 81;
    private const int ContentionStop = 91;
    private const int MethodJittingStarted = 145;
    private readonly RuntimeSuspension[] _ring = new RuntimeSuspension[Capacity];
    private readonly ClockThreadEvent[] _threadEvents = new ClockThreadEvent[Capacity];
    private long _threadEventCount;
    private readonly DateTime[] _contendedAt = new DateTime[2];
    private readonly object _gate = new();
    private long _count;
    private DateTime _suspendedAt;
    private DateTime _allStoppedAt;
    private string? _collection;
    private int _reason = -1;

    /// <summary>Suspensions seen so far (including those overwritten).</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>The suspensions kept, oldest first.</summary>
    public IReadOnlyList<RuntimeSuspension> Snapshot()
    {
        lock (_gate)
        {
            var kept = (int)Math.Min(_count, Capacity);
            var first = _count - kept;
            return [.. Enumerable.Range(0, kept).Select(i => _ring[(first + i) % Capacity])];
        }
    }

    /// <summary>The OS thread ids of the clock threads whose JIT and lock waits are recorded (the clock and its standby).</summary>
    public IReadOnlyList<long> WatchedThreadIds => [.. _watched.Where(id => id != 0)];

    private readonly long[] _watched = new long[2];

    /// <summary>Records JIT compilations and lock waits on this OS thread from now on (at most two threads: the clock and its standby).</summary>
    public void Watch(long osThreadId)
    {
        if (osThreadId != 0 && Interlocked.CompareExchange(ref _watched[0], osThreadId, 0) != 0)
        {
            _ = Interlocked.CompareExchange(ref _watched[1], osThreadId, 0);
        }
    }

    /// <summary>JIT compilations and lock waits on the watched thread that overlap <paramref name="from"/>–<paramref name="to"/> (UTC).</summary>
    public IReadOnlyList<ClockThreadEvent> ThreadEvents(DateTime from, DateTime to)
    {
        lock (_gate)
        {
            var kept = (int)Math.Min(_threadEventCount, Capacity);
            var first = _threadEventCount - kept;
            return [.. Enumerable.Range(0, kept).Select(i => _threadEvents[(first + i) % Capacity]).Where(e => e.Start <= to && e.Start + e.Duration >= from)];
        }
    }

    /// <summary>The suspensions that overlap <paramref name="from"/>–<paramref name="to"/> (UTC).</summary>
    public IReadOnlyList<RuntimeSuspension> Overlapping(DateTime from, DateTime to) =>
        [.. Snapshot().Where(s => s.Start <= to && s.Start + s.Duration >= from)];

    /// <inheritdoc />
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)(GcKeyword | JitKeyword | ContentionKeyword));
        }
    }

    /// <inheritdoc />
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        var watched = eventData.OSThreadId == 0 ? -1 : eventData.OSThreadId == Volatile.Read(ref _watched[0]) ? 0 : eventData.OSThreadId == Volatile.Read(ref _watched[1]) ? 1 : -1;
        var onClockThread = watched >= 0;
        switch (eventData.EventId)
        {
            case MethodJittingStarted when onClockThread:
                var name = eventData.PayloadNames is { } names && names.IndexOf("MethodName") is var n and >= 0 && names.IndexOf("MethodNamespace") is var ns and >= 0
                    ? $"{eventData.Payload![ns]}.{eventData.Payload[n]}"
                    : "?";
                AddThreadEvent(new ClockThreadEvent(eventData.TimeStamp.ToUniversalTime(), TimeSpan.Zero, "JIT " + name));
                break;
            case ContentionStart when onClockThread:
                _contendedAt[watched] = eventData.TimeStamp.ToUniversalTime();
                break;
            case ContentionStop when onClockThread && _contendedAt[watched] != default:
                AddThreadEvent(new ClockThreadEvent(_contendedAt[watched], eventData.TimeStamp.ToUniversalTime() - _contendedAt[watched], "lock wait"));
                _contendedAt[watched] = default;
                break;
            case SuspendEeBegin:
                _suspendedAt = eventData.TimeStamp.ToUniversalTime();
                _reason = eventData.Payload is { Count: > 0 } payload && payload[0] is { } reason ? Convert.ToInt32(reason, System.Globalization.CultureInfo.InvariantCulture) : -1;
                break;
            case GcStart when eventData.Payload is { Count: >= 4 } gc:
                var generation = Convert.ToInt32(gc[1], System.Globalization.CultureInfo.InvariantCulture);
                var why = Convert.ToInt32(gc[2], System.Globalization.CultureInfo.InvariantCulture);
                var type = Convert.ToInt32(gc[3], System.Globalization.CultureInfo.InvariantCulture);
                _collection = $"gen{generation} {(type switch { 1 => "background", 2 => "foreground", _ => "blocking" })}{(why == 1 ? " induced" : "")}";
                break;
            case SuspendEeEnd when _reason >= 0:
                _allStoppedAt = eventData.TimeStamp.ToUniversalTime();
                break;
            case RestartEeEnd when _reason >= 0:
                var stopping = _allStoppedAt >= _suspendedAt ? _allStoppedAt - _suspendedAt : TimeSpan.Zero;
                var reasonName = _reason == 1 && _collection is { } collection ? $"GC ({collection})" : ReasonName(_reason);
                var suspension = new RuntimeSuspension(_suspendedAt, eventData.TimeStamp.ToUniversalTime() - _suspendedAt, reasonName, stopping);
                _collection = null;
                lock (_gate)
                {
                    _ring[_count % Capacity] = suspension;
                    _count++;
                }

                _reason = -1;
                break;
        }
    }

    private void AddThreadEvent(ClockThreadEvent threadEvent)
    {
        lock (_gate)
        {
            _threadEvents[_threadEventCount % Capacity] = threadEvent;
            _threadEventCount++;
        }
    }

    /// <summary>The runtime's SUSPEND_REASON names.</summary>
    private static string ReasonName(int reason) => reason switch
    {
        0 => "other (e.g. tiered compilation)",
        1 => "GC",
        2 => "AppDomain shutdown",
        3 => "code pitching",
        4 => "shutdown",
        5 => "debugger",
        6 => "GC prep",
        7 => "debugger sweep",
        _ => "reason " + reason.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// One suspension of all managed threads: when it began (UTC), how long until threads ran again, why, and how much of
/// it was spent getting every thread to stop (the rest is the collection itself).
/// </summary>
public readonly record struct RuntimeSuspension(DateTime Start, TimeSpan Duration, string Reason, TimeSpan Stopping);

/// <summary>Something the clock thread itself waited for: a method compiled on it, or a contended lock.</summary>
public readonly record struct ClockThreadEvent(DateTime Start, TimeSpan Duration, string What);
