using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Audio.Routing;

namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// Plays the mix on a multichannel device through PortAudio. <see cref="Write"/> (audio clock thread)
/// interleaves every bus into its routed channel(s) straight into a preallocated lock-free ring of about
/// 200 ms and returns; a writer thread of its own opens the device (channels = min(device outputs,
/// <see cref="RoutingTable.ChannelsNeeded"/>), 48 kHz float32), keeps a cushion of about 60 ms
/// (<see cref="Playout"/>) and feeds it at the device's pace. A lost device (open failure, write error,
/// stream stopped, no progress for <see cref="StallLimit"/>) goes <see cref="DeviceState.Lost"/> and is
/// retried on the writer thread (1 s, 2 s, 5 s, then every 10 s) — <see cref="Write"/> keeps returning at once
/// throughout, so stems and phone callers are unaffected.
/// </summary>
public sealed class DeviceOutput : IMixOutput, IDisposable
{
    /// <summary>How long the device may take no audio before it counts as lost.</summary>
    public static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(1);

    private const int RingBlocks = 10;
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(1);

    private readonly RoutingTable _routing;
    private readonly ILogger<DeviceOutput> _logger;
    private readonly TimeProvider _time;
    private readonly StatusCell _status;
    private readonly ManualResetEventSlim _stop = new(false);
    private Thread? _thread;
    private Layout? _layout;
    private Playout? _playout;

    // Totals from streams already closed; the open stream's counters are added on top.
    private long _underruns;
    private long _overruns;
    private long _played;
    private long _driftDrops;
    private long _inserted;
    private long _faults;

    /// <summary>Creates the output; nothing opens until <see cref="Start"/>.</summary>
    public DeviceOutput(RoutingTable routing, ILogger<DeviceOutput> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        _routing = routing;
        _logger = logger;
        _time = time;
        _status = new StatusCell(DeviceStatus.Off(routing.DeviceName, time.GetUtcNow()), time, logger);
        _status.Changed += s => StatusChanged?.Invoke(s);
    }

    /// <inheritdoc />
    public string Name => $"device {_routing.DeviceName}";

    /// <summary>The latest status (counters are refreshed about once a second while running).</summary>
    public DeviceStatus Status => _status.Current;

    /// <summary>The status with counters read now rather than at the last report (racy snapshot; for tests and diagnostics).</summary>
    internal DeviceStatus LiveStatus => WithCounters(_status.Current, Volatile.Read(ref _playout));

    /// <summary>Raised on the output's own thread (never the audio clock thread) when the status changes.</summary>
    public event Action<DeviceStatus>? StatusChanged;

    /// <summary>Blocks the audio thread could not interleave (a malformed block); never thrown to the clock.</summary>
    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>Starts the writer thread, which opens the device. With no device name the status stays Off.</summary>
    public void Start()
    {
        if (_thread is not null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(_routing.DeviceName))
        {
            _status.Set(DeviceState.Off, s => s with { Message = "No output device chosen." });
            return;
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "RadioStudio DeviceOutput", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <inheritdoc />
    public void Write(MixBlock block)
    {
        var layout = Volatile.Read(ref _layout);
        if (layout is null || block is null)
        {
            return;
        }

        try
        {
            var slot = layout.Ring.BeginWrite();
            layout.Map.Interleave(block, slot);
            layout.Ring.EndWrite();
        }
        catch (Exception)
        {
            // A block the map cannot read must not stop the clock; counted, not logged (audio thread).
            Interlocked.Increment(ref _faults);
        }
    }

    /// <summary>Stops the writer thread and closes the device (returns within about a second).</summary>
    public void Dispose()
    {
        _stop.Set();
        if (_thread is not null && !_thread.Join(TimeSpan.FromSeconds(2)))
        {
            _logger.LogWarning("The device writer thread for {Device} did not stop within 2 s.", _routing.DeviceName);
        }

        _status.Set(DeviceState.Off, s => s with { Message = null, Channels = 0 });
    }

    private void Run()
    {
        var attempt = 0;
        var name = _routing.DeviceName!;
        while (!_stop.IsSet)
        {
            _status.Set(DeviceState.Opening, s => s with { Message = attempt == 0 ? null : s.Message });
            var stream = PortAudioHost.Open(name, output: true, _routing.ChannelsNeeded, out var problem);
            if (stream is null)
            {
                if (problem == PortAudioHost.NotInstalled)
                {
                    _status.Set(DeviceState.Unavailable, s => s with { Message = problem });
                    _logger.LogWarning("Output device {Device} unavailable: {Problem}", name, problem);
                    return;
                }

                var delay = RetryBackoff.Delay(attempt++);
                _status.Set(DeviceState.Lost, s => s with { Channels = 0, Message = $"{problem} Retrying in {delay.TotalSeconds:0} s." });
                _logger.LogWarning("Output device {Device} could not be opened: {Problem} Retrying in {Delay}.", name, problem, delay);
                _stop.Wait(delay);
                continue;
            }

            var reason = Play(stream);
            if (reason is null)
            {
                break;
            }

            var wait = RetryBackoff.Delay(attempt++);
            _status.Set(DeviceState.Lost, s => s with { Channels = 0, Message = $"{reason} Retrying in {wait.TotalSeconds:0} s." });
            _logger.LogWarning("Output device {Device} lost: {Reason} Retrying in {Delay}.", name, reason, wait);
            _stop.Wait(wait);
        }
    }

    // Streams until stopped (null) or the device fails (the reason). Closes the stream either way.
    private string? Play(PortAudioStream stream)
    {
        var map = new ChannelMap(_routing, stream.Channels);
        var playout = new Playout(new BlockRing(map.BlockLength, RingBlocks));
        var buffer = new float[map.BlockLength];
        Volatile.Write(ref _layout, new Layout(map, playout.Ring));
        Volatile.Write(ref _playout, playout);
        _status.Set(DeviceState.Running, s => s with { DeviceName = stream.Device.DisplayName, Channels = stream.Channels, FoldedBuses = map.FoldedBuses, Message = null });
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var folded = map.FoldedBuses.IsEmpty ? "none" : string.Join(", ", map.FoldedBuses);
            _logger.LogInformation("Output device {Device} open: {Channels} channels, buses folded onto the last: {Folded}.", stream.Device.DisplayName, stream.Channels, folded);
        }
        try
        {
            return Pump(stream, playout, buffer);
        }
        catch (Exception e)
        {
            return $"Device error: {e.Message}";
        }
        finally
        {
            Volatile.Write(ref _layout, null);
            Volatile.Write(ref _playout, null);
            stream.Dispose();
            _underruns += playout.Underruns;
            _overruns += playout.Ring.Overruns;
            _played += playout.Played;
            _driftDrops += playout.DriftDrops;
            _inserted += playout.Inserted;
            _status.Publish(WithCounters(_status.Current, null));
        }
    }

    private string? Pump(PortAudioStream stream, Playout playout, float[] buffer)
    {
        const int frames = 960;
        var capacity = stream.WriteAvailable;
        if (capacity < 0)
        {
            return $"Device error: {PortAudioNative.ErrorText((int)capacity)}";
        }

        var writable = Math.Max(1, Math.Min(frames, capacity));
        var lastAvailable = capacity;
        var lastProgress = _time.GetTimestamp();
        var lastReport = lastProgress;
        while (!_stop.IsSet)
        {
            var available = stream.WriteAvailable;
            if (available < 0)
            {
                return $"Device error: {PortAudioNative.ErrorText((int)available)}";
            }

            var queued = capacity - available;
            if (available >= writable && queued <= frames)
            {
                // Keep at most about two blocks in the device's own buffer: the cushion lives in our ring,
                // where drift is measured and corrected.
                playout.Next(buffer);
                var result = stream.Write(buffer);
                if (result == PortAudioNative.OutputUnderflowed)
                {
                    Interlocked.Increment(ref _underruns);
                }
                else if (result < 0)
                {
                    return $"Writing to the device failed: {PortAudioNative.ErrorText(result)}";
                }

                lastAvailable = stream.WriteAvailable;
                lastProgress = _time.GetTimestamp();
            }
            else
            {
                if (available != lastAvailable)
                {
                    lastAvailable = available;
                    lastProgress = _time.GetTimestamp();
                }
                else if (_time.GetElapsedTime(lastProgress) > StallLimit)
                {
                    return $"The device took no audio for {StallLimit.TotalSeconds:0} s (unplugged, or its server stopped).";
                }

                if (stream.IsActive != 1)
                {
                    return "The device stream stopped (unplugged, or its server stopped).";
                }

                // Wait about as long as the device needs to make room, at least 1 ms, at most 10 ms.
                var deficit = Math.Max(queued - frames, writable - available);
                _stop.Wait(TimeSpan.FromMilliseconds(Math.Clamp(deficit * 1000.0 / AudioClock.SampleRate, 1, 10)));
            }

            if (_time.GetElapsedTime(lastReport) >= ReportInterval)
            {
                lastReport = _time.GetTimestamp();
                _status.Publish(WithCounters(_status.Current, playout));
            }
        }

        return null;
    }

    private DeviceStatus WithCounters(DeviceStatus status, Playout? open) => status with
    {
        Underruns = Interlocked.Read(ref _underruns) + (open?.Underruns ?? 0),
        Overruns = _overruns + (open?.Ring.Overruns ?? 0),
        BlocksPlayed = _played + (open?.Played ?? 0),
        DriftDrops = _driftDrops + (open?.DriftDrops ?? 0),
        InsertedBlocks = _inserted + (open?.Inserted ?? 0),
    };

    private sealed record Layout(ChannelMap Map, BlockRing Ring);
}
