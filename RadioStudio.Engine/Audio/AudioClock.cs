using System.Collections.Immutable;
using System.Diagnostics;

namespace RadioStudio.Engine.Audio;

/// <summary>
/// The one real-time thread: runs every registered client once per 20 ms block. Deadlines are absolute
/// (start + n × block) on the monotonic clock, so timing error never accumulates; after a stall of more
/// than a few blocks it skips ahead instead of bursting. Clients are an immutable array swapped atomically,
/// so adding or removing one never blocks the thread.
/// </summary>
public sealed class AudioClock : IDisposable
{
    /// <summary>Samples per second inside the studio.</summary>
    public const int SampleRate = 48_000;

    /// <summary>One block: 20 ms.</summary>
    public static readonly TimeSpan BlockDuration = TimeSpan.FromMilliseconds(20);

    private const int MaxCatchUpBlocks = 5;
    private static readonly TimeSpan SpinWindow = TimeSpan.FromMilliseconds(1.5);
    private readonly ManualResetEventSlim _stop = new(false);
    private ImmutableArray<IAudioClockClient> _clients = [];
    private Thread? _thread;

    /// <summary>How the clock thread is scheduled ("real-time (SCHED_FIFO 60)" or why not); set once the thread runs.</summary>
    public string? Scheduling { get; private set; }

    /// <summary>The clock thread's OS thread id once it runs (for diagnostics that match runtime events to it).</summary>
    public long OsThreadId { get; private set; }

    /// <summary>Raised once on the clock thread when it has set up its scheduling (see <see cref="Scheduling"/>).</summary>
    public event Action<string>? Started;

    /// <summary>Timing of the blocks run so far.</summary>
    public AudioClockStats Stats { get; } = new();

    /// <summary>
    /// Diagnostics: read the clock thread's page faults and context switches at every block (one syscall) so each late
    /// block says what the kernel did to the thread in its interval. Set before <see cref="Start"/>.
    /// </summary>
    public bool WatchThreadUsage { get; set; }

    /// <summary>Adds a client; it runs from the next block on.</summary>
    public void Add(IAudioClockClient client) => ImmutableInterlocked.Update(ref _clients, static (a, c) => a.Add(c), client);

    /// <summary>Removes a client; it may run once more if the block is already under way.</summary>
    public void Remove(IAudioClockClient client) => ImmutableInterlocked.Update(ref _clients, static (a, c) => a.Remove(c), client);

    /// <summary>Starts the clock thread.</summary>
    public void Start()
    {
        if (_thread is not null)
        {
            return;
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "RadioStudio AudioClock", Priority = ThreadPriority.Highest };
        _thread.Start();
    }

    /// <summary>Stops the thread after the block in progress.</summary>
    public void Dispose()
    {
        _stop.Set();
        _thread?.Join();
        _stop.Dispose();
    }

    /// <summary>Stack the clock thread writes once before its first block (the graph's deepest path uses a fraction).</summary>
    internal const int TouchedStackBytes = 256 * 1024;

    // A thread's stack pages are mapped on first use: a block that reaches deeper than any before would take the page
    // faults on the real-time path. Writing this much below the loop's frame once maps them in advance.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    internal static int TouchStack()
    {
        Span<byte> stack = stackalloc byte[TouchedStackBytes];
        stack.Clear();
        return stack[0] + stack[^1];
    }

    // Compiled fully optimised at once: a tiered method with a loop would be recompiled (on-stack replacement) on
    // this very thread while it runs, which made the first blocks late.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Run()
    {
        OsThreadId = RealtimeScheduling.CurrentOsThreadId();
        _ = TouchStack();
        Scheduling = RealtimeScheduling.TryEnable();
        Started?.Invoke(Scheduling);
        var start = Stopwatch.GetTimestamp();
        var startUtc = TimeProvider.System.GetUtcNow().UtcDateTime;
        var previous = start;
        Diagnostics.ThreadUsage lastUsage = default;
        var watchUsage = WatchThreadUsage && Diagnostics.ThreadUsage.TryReadCurrent(out lastUsage);

        var lastCollections = GC.CollectionCount(0);
        var ticksPerBlock = (long)(BlockDuration.TotalSeconds * Stopwatch.Frequency);
        long block = 0;
        long blockIndex = 0;
        long work = 0;
        while (true)
        {
            // Sleep until just before the deadline (a wait's timeout is whole milliseconds and the wake-up
            // is late by the scheduler's latency), then spin the last stretch: blocks start on time to
            // within microseconds instead of a millisecond early or late.
            var deadline = start + ((block + 1) * ticksPerBlock);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline) - SpinWindow;
            if (wait > TimeSpan.Zero && _stop.Wait(wait))
            {
                return;
            }

            while (Stopwatch.GetTimestamp() < deadline)
            {
                Thread.SpinWait(32);
            }

            if (_stop.IsSet)
            {
                return;
            }

            var now = Stopwatch.GetTimestamp();
            // Every collection (any generation) counts as a gen-0 one: a change says a GC ran in this interval.
            var collections = GC.CollectionCount(0);
            // Wall-clock time only for a late block (diagnostics), from the start reference: nothing extra per block.
            var interval = Stopwatch.GetElapsedTime(previous, now);
            var startedUtc = interval > AudioClockStats.LateAfter ? startUtc + Stopwatch.GetElapsedTime(start, now) : default;
            Diagnostics.ThreadUsage usage = default;
            if (watchUsage && Diagnostics.ThreadUsage.TryReadCurrent(out var current))
            {
                usage = current - lastUsage;
                lastUsage = current;
            }

            Stats.Record(interval, collections != lastCollections, startedUtc, TimeSpan.FromTicks(work * TimeSpan.TicksPerSecond / Stopwatch.Frequency), usage);
            lastCollections = collections;
            previous = now;
            foreach (var client in _clients)
            {
                try
                {
                    client.OnBlock(blockIndex);
                }
                catch (Exception)
                {
                    // One broken client must not stop the clock for every other line; it is counted, not logged here.
                    Stats.RecordFault();
                }
            }

            work = Stopwatch.GetTimestamp() - now;
            blockIndex++;
            block++;
            var behind = (Stopwatch.GetTimestamp() - (start + ((block + 1) * ticksPerBlock))) / ticksPerBlock;
            if (behind > MaxCatchUpBlocks)
            {
                block += behind;
                Stats.RecordSkipped(behind);
            }
        }
    }
}
