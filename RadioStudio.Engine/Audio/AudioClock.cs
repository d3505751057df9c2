using System.Collections.Immutable;
using System.Diagnostics;

namespace RadioStudio.Engine.Audio;

/// <summary>
/// The real-time clock: runs every registered client once per 20 ms block. Deadlines are absolute
/// (start + n × block) on the monotonic clock, so timing error never accumulates; after a stall of more
/// than a few blocks it skips ahead instead of bursting. Clients are an immutable array swapped atomically,
/// so adding or removing one never blocks the thread.
/// <para>
/// With <see cref="Standby"/> a second real-time thread, pinned to another CPU than the first, wakes
/// <see cref="StandbyDelay"/> after each deadline and runs the block only if the first has not claimed it: on a
/// virtual machine whose host sometimes does not run one vCPU for tens of milliseconds, the block still starts on
/// time on the other. Blocks are claimed by compare-and-swap, so they run one at a time, in order, each once, on
/// whichever thread claimed them; the claim's full fence makes one block's writes visible to the next.
/// </para>
/// </summary>
public sealed class AudioClock : IDisposable
{
    /// <summary>Samples per second inside the studio.</summary>
    public const int SampleRate = 48_000;

    /// <summary>One block: 20 ms.</summary>
    public static readonly TimeSpan BlockDuration = TimeSpan.FromMilliseconds(20);

    /// <summary>How long after a deadline the standby thread looks whether the block was claimed.</summary>
    public static readonly TimeSpan StandbyDelay = TimeSpan.FromMilliseconds(0.25);

    private const int MaxCatchUpBlocks = 5;
    private static readonly TimeSpan SpinWindow = TimeSpan.FromMilliseconds(1.5);
    private static readonly long TicksPerBlock = (long)(BlockDuration.TotalSeconds * Stopwatch.Frequency);
    private readonly ManualResetEventSlim _stop = new(false);
    private ImmutableArray<IAudioClockClient> _clients = [];
    private Thread? _thread;
    private Thread? _standby;
    private int _disposed;

    // The schedule, shared by both threads. _claim is 1 while a thread runs a block; everything below it is written
    // only by the claiming thread. _block is the schedule position (the next block is due at _start + (_block + 1)
    // blocks), also read without the claim to know which deadline to sleep for.
    private long _start;
    private DateTime _startUtc;
    private int _claim;
    private long _block;
    private long _blockIndex;
    private long _previous;
    private long _work;
    private int _lastCollections;

    /// <summary>Raised once on each clock thread (the clock's, and the standby's if any, in either order) when it has set up its scheduling.</summary>
    public event Action<AudioClockThread>? Started;

    /// <summary>Timing of the blocks run so far.</summary>
    public AudioClockStats Stats { get; } = new();

    /// <summary>
    /// Diagnostics: read the clock thread's page faults and context switches at every block (one syscall) so each late
    /// block says what the kernel did to the thread in its interval. Set before <see cref="Start"/>.
    /// </summary>
    public bool WatchThreadUsage { get; set; }

    /// <summary>
    /// Run a standby clock thread on a second CPU (both threads then pinned, each to its own CPU). Set before
    /// <see cref="Start"/>; ignored where the process may use only one CPU or the OS is not Linux.
    /// </summary>
    public bool Standby { get; set; }

    /// <summary>Tests: called on each clock thread after it wakes for a deadline and before it claims the block (argument: is standby).</summary>
    internal Action<bool>? AfterWake { get; set; }

    /// <summary>Adds a client; it runs from the next block on.</summary>
    public void Add(IAudioClockClient client) => ImmutableInterlocked.Update(ref _clients, static (a, c) => a.Add(c), client);

    /// <summary>Removes a client; it may run once more if the block is already under way.</summary>
    public void Remove(IAudioClockClient client) => ImmutableInterlocked.Update(ref _clients, static (a, c) => a.Remove(c), client);

    /// <summary>Starts the clock thread (and the standby, if asked for and there is a second CPU).</summary>
    public void Start()
    {
        if (_thread is not null)
        {
            return;
        }

        var cpus = Standby && OperatingSystem.IsLinux() ? RealtimeScheduling.AllowedCpus() : [];
        var pinned = cpus.Length >= 2;
        _start = Stopwatch.GetTimestamp();
        _startUtc = TimeProvider.System.GetUtcNow().UtcDateTime;
        _previous = _start;
        _lastCollections = GC.CollectionCount(0);
        // The last CPUs: the first ones usually take the network's interrupts.
        _thread = new Thread(Run) { IsBackground = true, Name = "RadioStudio AudioClock", Priority = ThreadPriority.Highest };
        _thread.Start(new Role(Standby: false, pinned ? cpus[^1] : -1));
        if (pinned)
        {
            _standby = new Thread(Run) { IsBackground = true, Name = "RadioStudio AudioClock standby", Priority = ThreadPriority.Highest };
            _standby.Start(new Role(Standby: true, cpus[^2]));
        }
    }

    /// <summary>Stops the threads after the block in progress.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Set();
        _thread?.Join();
        _standby?.Join();
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
    private void Run(object? state)
    {
        var role = (Role)state!;
        var osThreadId = RealtimeScheduling.CurrentOsThreadId();
        _ = TouchStack();
        var scheduling = RealtimeScheduling.TryEnable();
        if (role.Cpu >= 0)
        {
            scheduling += RealtimeScheduling.TryPin(role.Cpu) ? $", on CPU {role.Cpu}" : $", not pinned to CPU {role.Cpu} (refused)";
        }

        Started?.Invoke(new AudioClockThread(role.Standby, osThreadId, scheduling));
        Diagnostics.ThreadUsage lastUsage = default;
        var watchUsage = WatchThreadUsage && Diagnostics.ThreadUsage.TryReadCurrent(out lastUsage);
        var delay = role.Standby ? (long)(StandbyDelay.TotalSeconds * Stopwatch.Frequency) : 0;
        long notBefore = 0;
        while (true)
        {
            var deadline = _start + ((Math.Max(Volatile.Read(ref _block), notBefore) + 1) * TicksPerBlock) + delay;
            if (role.Standby)
            {
                // The standby needs no spin: it only acts when the first thread is already late.
                if (!RealtimeScheduling.SleepUntil(deadline))
                {
                    return;
                }
            }
            else
            {
                // Sleep until just before the deadline (a wait's timeout is whole milliseconds and the wake-up
                // is late by the scheduler's latency), then spin the last stretch: blocks start on time to
                // within microseconds instead of a millisecond early or late.
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline) - SpinWindow;
                if (wait > TimeSpan.Zero && _stop.Wait(wait))
                {
                    return;
                }

                while (Stopwatch.GetTimestamp() < deadline)
                {
                    Thread.SpinWait(32);
                }
            }

            if (_stop.IsSet)
            {
                return;
            }

            // Tests stall a thread here, between its wake-up and its claim, as a host stalls a vCPU.
            AfterWake?.Invoke(role.Standby);
            Diagnostics.ThreadUsage usage = default;
            if (watchUsage && Diagnostics.ThreadUsage.TryReadCurrent(out var current))
            {
                usage = current - lastUsage;
                lastUsage = current;
            }

            if (Interlocked.CompareExchange(ref _claim, 1, 0) != 0)
            {
                // The other thread is running a block: the next deadline after it is this thread's.
                notBefore = Volatile.Read(ref _block) + 1;
                continue;
            }

            try
            {
                var now = Stopwatch.GetTimestamp();
                if (now >= _start + ((_block + 1) * TicksPerBlock))
                {
                    RunBlock(now, usage, role.Standby);
                }
            }
            finally
            {
                Volatile.Write(ref _claim, 0);
            }
        }
    }

    // Runs with the claim held: one thread at a time.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void RunBlock(long now, Diagnostics.ThreadUsage usage, bool standby)
    {
        // Every collection (any generation) counts as a gen-0 one: a change says a GC ran in this interval.
        var collections = GC.CollectionCount(0);
        // Wall-clock time only for a late block (diagnostics), from the start reference: nothing extra per block.
        var interval = Stopwatch.GetElapsedTime(_previous, now);
        var startedUtc = interval > AudioClockStats.LateAfter ? _startUtc + Stopwatch.GetElapsedTime(_start, now) : default;
        Stats.Record(interval, collections != _lastCollections, startedUtc, TimeSpan.FromTicks(_work * TimeSpan.TicksPerSecond / Stopwatch.Frequency), usage, standby);
        _lastCollections = collections;
        _previous = now;
        foreach (var client in _clients)
        {
            try
            {
                client.OnBlock(_blockIndex);
            }
            catch (Exception)
            {
                // One broken client must not stop the clock for every other line; it is counted, not logged here.
                Stats.RecordFault();
            }
        }

        _work = Stopwatch.GetTimestamp() - now;
        _blockIndex++;
        var block = _block + 1;
        var behind = (Stopwatch.GetTimestamp() - (_start + ((block + 1) * TicksPerBlock))) / TicksPerBlock;
        if (behind > MaxCatchUpBlocks)
        {
            block += behind;
            Stats.RecordSkipped(behind);
        }

        Volatile.Write(ref _block, block);
    }

    private sealed record Role(bool Standby, int Cpu);
}

/// <summary>One of the clock's threads, as it started: standby or not, its OS thread id and how it is scheduled.</summary>
public readonly record struct AudioClockThread(bool Standby, long OsThreadId, string Scheduling);
