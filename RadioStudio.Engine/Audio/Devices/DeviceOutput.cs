using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Audio.Routing;

namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// Plays the mix on a multichannel device through PortAudio. <see cref="Write"/> (audio clock thread)
/// interleaves every bus into its routed channel(s) straight into a preallocated lock-free ring of 200 ms
/// and returns. The device's own callback (<see cref="OutputPump"/>, paced by the device clock) takes
/// blocks from the ring through a <see cref="Playout"/> that keeps a cushion of about 60 ms and corrects
/// clock drift by whole blocks. A monitor thread opens the device (channels = min(device outputs,
/// <see cref="RoutingTable.ChannelsNeeded"/>), 48 kHz float32) and watches it: a lost device (open failure,
/// stream stopped, no callback for <see cref="StallLimit"/>) goes <see cref="DeviceState.Lost"/> and is
/// retried (1 s, 2 s, 5 s, then every 10 s) — <see cref="Write"/> keeps returning at once throughout, so
/// stems and phone callers are unaffected. (Callback rather than blocking Pa_WriteStream: see
/// <see cref="StreamCallbackTarget"/>.)
/// </summary>
public sealed class DeviceOutput : IMixOutput, IDisposable
{
    /// <summary>How long the device may take no audio before it counts as lost.</summary>
    public static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(1);

    private const int RingBlocks = 10;
    private const string StillClosing = "Waiting for PortAudio to close the lost stream before reopening (after a JACK server dies, PortAudio 19.6 holds it for up to 10 minutes).";
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(1);

    private readonly RoutingTable _routing;
    private readonly ILogger<DeviceOutput> _logger;
    private readonly TimeProvider _time;
    private readonly StatusCell _status;
    private readonly ManualResetEventSlim _stop = new(false);
    private Thread? _thread;
    private Layout? _layout;
    private OutputPump? _pump;
    private ManualResetEventSlim? _closing;

    // Totals from streams already closed; the open stream's counters are added on top.
    private long _underruns;
    private long _xruns;
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
    internal DeviceStatus LiveStatus => WithCounters(_status.Current, Volatile.Read(ref _pump));

    /// <summary>Raised on the output's own thread (never the audio clock thread) when the status changes.</summary>
    public event Action<DeviceStatus>? StatusChanged;

    /// <summary>Blocks the audio thread could not interleave (a malformed block); never thrown to the clock.</summary>
    public long Faults => Interlocked.Read(ref _faults) + (Volatile.Read(ref _pump)?.Faults ?? 0);

    /// <summary>Starts the monitor thread, which opens the device. With no device name the status stays Off.</summary>
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

        _thread = new Thread(Run) { IsBackground = true, Name = "RadioStudio DeviceOutput monitor", Priority = ThreadPriority.AboveNormal };
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

    /// <summary>Stops the monitor thread and closes the device (returns within about a second).</summary>
    public void Dispose()
    {
        _stop.Set();
        if (_thread is not null && !_thread.Join(TimeSpan.FromSeconds(2)))
        {
            _logger.LogWarning("The device monitor thread for {Device} did not stop within 2 s.", _routing.DeviceName);
        }

        _status.Set(DeviceState.Off, s => s with { Message = null, Channels = 0 });
    }

    private void Run()
    {
        var attempt = 0;
        var name = _routing.DeviceName!;
        while (!_stop.IsSet)
        {
            if (_closing is not null)
            {
                if (!StreamReaper.WaitClosed(_closing, _stop, () => _status.Set(DeviceState.Lost, s => s with { Message = StillClosing })))
                {
                    return;
                }

                _closing.Dispose();
                _closing = null;
            }

            _status.Set(DeviceState.Opening, s => s);
            var stream = PortAudioHost.Open(name, output: true, _routing.ChannelsNeeded, CreatePump, out var problem);
            if (stream is null)
            {
                Volatile.Write(ref _layout, null); // CreatePump may have run before the open failed
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

            attempt = 0;
            var reason = Play(stream, (OutputPump)stream.Target);
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

    // Called under the PortAudio gate once the channel count is known, before the stream opens.
    private OutputPump CreatePump(int channels)
    {
        var map = new ChannelMap(_routing, channels);
        var pump = new OutputPump(new Playout(new BlockRing(map.BlockLength, RingBlocks)), channels);
        Volatile.Write(ref _layout, new Layout(map, pump.Playout.Ring));
        return pump;
    }

    // Watches the stream until stopped (null) or the device fails (the reason). Closes the stream either way.
    private string? Play(PortAudioStream stream, OutputPump pump)
    {
        var map = Volatile.Read(ref _layout)!.Map;
        Volatile.Write(ref _pump, pump);
        _status.Set(DeviceState.Running, s => s with { DeviceName = stream.Device.DisplayName, Channels = stream.Channels, FoldedBuses = map.FoldedBuses, Message = null });
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var folded = map.FoldedBuses.IsEmpty ? "none" : string.Join(", ", map.FoldedBuses);
            _logger.LogInformation("Output device {Device} open: {Channels} channels, buses folded onto the last: {Folded}.", stream.Device.DisplayName, stream.Channels, folded);
        }

        string? reason = null;
        try
        {
            reason = Watch(stream, pump);
        }
        catch (Exception e)
        {
            reason = $"Device error: {e.Message}";
        }
        finally
        {
            Volatile.Write(ref _layout, null);
            if (reason is null)
            {
                stream.Dispose();
            }
            else
            {
                // A dead stream may take minutes to close (see StreamReaper); never on this thread.
                _closing = StreamReaper.CloseInBackground(stream);
            }

            Volatile.Write(ref _pump, null);
            _underruns += pump.Playout.Underruns;
            _xruns += pump.DeviceUnderflows;
            _overruns += pump.Playout.Ring.Overruns;
            _played += pump.Playout.Played;
            _driftDrops += pump.Playout.DriftDrops;
            _inserted += pump.Playout.Inserted;
            _status.Publish(WithCounters(_status.Current, null));
        }

        return reason;
    }

    private string? Watch(PortAudioStream stream, OutputPump pump)
    {
        var lastReport = _time.GetTimestamp();
        while (!_stop.Wait(WatchInterval))
        {
            if (Stopwatch.GetElapsedTime(pump.LastCallback) > StallLimit)
            {
                return $"The device asked for no audio for {StallLimit.TotalSeconds:0} s (unplugged, or its server stopped).";
            }

            var active = stream.IsActive;
            if (active != 1)
            {
                return active < 0 ? $"Device error: {PortAudioNative.ErrorText(active)}" : "The device stream stopped (unplugged, or its server stopped).";
            }

            if (_time.GetElapsedTime(lastReport) >= ReportInterval)
            {
                lastReport = _time.GetTimestamp();
                _status.Publish(WithCounters(_status.Current, pump));
            }
        }

        return null;
    }

    private DeviceStatus WithCounters(DeviceStatus status, OutputPump? open) => status with
    {
        Underruns = _underruns + (open?.Playout.Underruns ?? 0),
        DeviceXruns = _xruns + (open?.DeviceUnderflows ?? 0),
        Overruns = _overruns + (open?.Playout.Ring.Overruns ?? 0),
        BlocksPlayed = _played + (open?.Playout.Played ?? 0),
        DriftDrops = _driftDrops + (open?.Playout.DriftDrops ?? 0),
        InsertedBlocks = _inserted + (open?.Playout.Inserted ?? 0),
    };

    private sealed record Layout(ChannelMap Map, BlockRing Ring);
}
