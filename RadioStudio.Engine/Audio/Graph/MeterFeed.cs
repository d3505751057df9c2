using System.Collections.Immutable;
using RadioStudio.Engine.Audio.Routing;

namespace RadioStudio.Engine.Audio.Graph;

/// <summary>
/// Pushes the graph's meter readings to the pages at 20 Hz while anyone is watching, and only when a level
/// moved by more than <see cref="ChangeDb"/>: a silent studio sends nothing. Meters are leaf components that
/// subscribe here directly, so a level change never re-renders a page.
/// </summary>
public sealed class MeterFeed : IAsyncDisposable
{
    /// <summary>The push rate's period (20 Hz).</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(50);

    /// <summary>A level must move at least this much to be pushed again.</summary>
    public const float ChangeDb = 0.5f;

    private readonly AudioGraph _graph;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private ImmutableArray<Action<ImmutableArray<BusLevel>>> _subscribers = [];
    private ImmutableArray<BusLevel> _last;
    private ITimer? _timer;

    /// <summary>Creates the feed over <paramref name="graph"/>'s meters.</summary>
    public MeterFeed(AudioGraph graph, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
        _time = time;
        _last = Read();
    }

    /// <summary>The levels last pushed (or read at start).</summary>
    public ImmutableArray<BusLevel> Current => _last;

    /// <summary>Calls <paramref name="onLevels"/> with every pushed frame until the subscription is disposed.</summary>
    public IDisposable Subscribe(Action<ImmutableArray<BusLevel>> onLevels)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Add(onLevels);
            _timer ??= _time.CreateTimer(_ => Tick(), null, Period, Period);
        }

        return new Subscription(this, onLevels);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        ITimer? timer;
        lock (_gate)
        {
            (timer, _timer) = (_timer, null);
            _subscribers = [];
        }

        if (timer is not null)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Reads the meters now and pushes if anything moved (the timer calls this; tests may too).</summary>
    internal void Tick()
    {
        var levels = Read();
        if (!Moved(_last, levels))
        {
            return;
        }

        _last = levels;
        foreach (var subscriber in _subscribers)
        {
            try
            {
                subscriber(levels);
            }
            catch (Exception)
            {
                // A page that failed to render a meter must not stop the others' meters.
            }
        }
    }

    private static bool Moved(ImmutableArray<BusLevel> before, ImmutableArray<BusLevel> after)
    {
        for (var i = 0; i < after.Length; i++)
        {
            if (before[i].Active != after[i].Active
                || Math.Abs(before[i].RmsDb - after[i].RmsDb) > ChangeDb
                || Math.Abs(before[i].PeakHoldDb - after[i].PeakHoldDb) > ChangeDb)
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableArray<BusLevel> Read()
    {
        var buses = _graph.Buses;
        var levels = ImmutableArray.CreateBuilder<BusLevel>(buses.Length);
        foreach (var bus in buses)
        {
            var meter = _graph.MeterOf(bus);
            var reading = meter.Reading;
            levels.Add(new BusLevel(bus, reading.RmsDb, meter.PeakHoldDb, bus.Kind != BusKind.Phone || reading.PeakDb > Nodes.MeterReading.FloorDb));
        }

        return levels.MoveToImmutable();
    }

    private void Unsubscribe(Action<ImmutableArray<BusLevel>> onLevels)
    {
        ITimer? stop = null;
        lock (_gate)
        {
            _subscribers = _subscribers.Remove(onLevels);
            if (_subscribers.IsEmpty)
            {
                (stop, _timer) = (_timer, null);
            }
        }

        stop?.Dispose();
    }

    private sealed class Subscription(MeterFeed feed, Action<ImmutableArray<BusLevel>> onLevels) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                feed.Unsubscribe(onLevels);
            }
        }
    }
}
