using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// Captures the host microphone from an input device (mono, 48 kHz float32): the device's callback pushes
/// straight into a <see cref="CaptureFanout"/> (allocation-free); a monitor thread opens and watches the
/// device. Loss and retry behave as in <see cref="DeviceOutput"/>
/// (1 s, 2 s, 5 s, then every 10 s). <see cref="DeviceStatus.Overruns"/> counts device input overflows.
/// </summary>
public sealed class DeviceCapture : IDisposable
{
    private const int Frames = 960;
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(1);

    private readonly string? _deviceName;
    private readonly CaptureFanout _fanout;
    private readonly ILogger<DeviceCapture> _logger;
    private readonly TimeProvider _time;
    private readonly StatusCell _status;
    private readonly ManualResetEventSlim _stop = new(false);
    private Thread? _thread;
    private long _blocks;
    private long _overflows;
    private ManualResetEventSlim? _closing;

    /// <summary>Creates the capture; nothing opens until <see cref="Start"/>.</summary>
    public DeviceCapture(string? deviceName, CaptureFanout fanout, ILogger<DeviceCapture> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(fanout);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        _deviceName = deviceName;
        _fanout = fanout;
        _logger = logger;
        _time = time;
        _status = new StatusCell(DeviceStatus.Off(deviceName, time.GetUtcNow()), time, logger);
        _status.Changed += s => StatusChanged?.Invoke(s);
    }

    /// <summary>The latest status (counters refreshed about once a second; <see cref="DeviceStatus.BlocksPlayed"/> = 20 ms blocks captured, <see cref="DeviceStatus.Overruns"/> = device input overflows).</summary>
    public DeviceStatus Status => _status.Current;

    /// <summary>Raised on the capture thread when the status changes.</summary>
    public event Action<DeviceStatus>? StatusChanged;

    /// <summary>Starts the capture thread. With no device name the status stays Off.</summary>
    public void Start()
    {
        if (_thread is not null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(_deviceName))
        {
            _status.Set(DeviceState.Off, s => s with { Message = "No input device chosen." });
            return;
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "RadioStudio DeviceCapture", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Stops the thread and closes the device (returns within about a second).</summary>
    public void Dispose()
    {
        _stop.Set();
        if (_thread is not null && !_thread.Join(TimeSpan.FromSeconds(2)))
        {
            _logger.LogWarning("The capture thread for {Device} did not stop within 2 s.", _deviceName);
        }

        _status.Set(DeviceState.Off, s => s with { Message = null, Channels = 0 });
    }

    private void Run()
    {
        var attempt = 0;
        var name = _deviceName!;
        while (!_stop.IsSet)
        {
            if (_closing is not null)
            {
                if (!StreamReaper.WaitClosed(_closing, _stop, () => _status.Set(DeviceState.Lost, s => s with { Message = "Waiting for PortAudio to close the lost stream before reopening." })))
                {
                    return;
                }

                _closing.Dispose();
                _closing = null;
            }

            _status.Set(DeviceState.Opening, s => s);
            var stream = PortAudioHost.Open(name, output: false, maxChannels: 1, _ => new CapturePump(_fanout), out var problem);
            if (stream is null)
            {
                if (problem == PortAudioHost.NotInstalled)
                {
                    _status.Set(DeviceState.Unavailable, s => s with { Message = problem });
                    _logger.LogWarning("Input device {Device} unavailable: {Problem}", name, problem);
                    return;
                }

                var delay = RetryBackoff.Delay(attempt++);
                _status.Set(DeviceState.Lost, s => s with { Channels = 0, Message = $"{problem} Retrying in {delay.TotalSeconds:0} s." });
                _logger.LogWarning("Input device {Device} could not be opened: {Problem} Retrying in {Delay}.", name, problem, delay);
                _stop.Wait(delay);
                continue;
            }

            attempt = 0;
            var pump = (CapturePump)stream.Target;
            string? reason = null;
            try
            {
                _status.Set(DeviceState.Running, s => s with { DeviceName = stream.Device.DisplayName, Channels = stream.Channels, Message = null });
                reason = Watch(stream, pump);
            }
            catch (Exception e)
            {
                reason = $"Device error: {e.Message}";
            }
            finally
            {
                if (reason is null)
                {
                    stream.Dispose();
                }
                else
                {
                    _closing = StreamReaper.CloseInBackground(stream);
                }

                _blocks += pump.Frames / Frames;
                _overflows += pump.Overflows;
            }

            if (reason is null)
            {
                break;
            }

            var wait = RetryBackoff.Delay(attempt++);
            _status.Set(DeviceState.Lost, s => s with { Channels = 0, Message = $"{reason} Retrying in {wait.TotalSeconds:0} s." });
            _logger.LogWarning("Input device {Device} lost: {Reason} Retrying in {Delay}.", name, reason, wait);
            _stop.Wait(wait);
        }
    }

    private string? Watch(PortAudioStream stream, CapturePump pump)
    {
        var lastReport = _time.GetTimestamp();
        while (!_stop.Wait(TimeSpan.FromMilliseconds(50)))
        {
            if (Stopwatch.GetElapsedTime(pump.LastCallback) > DeviceOutput.StallLimit)
            {
                return $"The device delivered no audio for {DeviceOutput.StallLimit.TotalSeconds:0} s (unplugged, or its server stopped).";
            }

            var active = stream.IsActive;
            if (active != 1)
            {
                return active < 0 ? $"Device error: {PortAudioNative.ErrorText(active)}" : "The device stream stopped (unplugged, or its server stopped).";
            }

            if (_time.GetElapsedTime(lastReport) >= ReportInterval)
            {
                lastReport = _time.GetTimestamp();
                _status.Publish(_status.Current with { BlocksPlayed = _blocks + (pump.Frames / Frames), Overruns = _overflows + pump.Overflows });
            }
        }

        return null;
    }
}
