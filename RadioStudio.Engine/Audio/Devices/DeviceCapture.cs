using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// Captures the host microphone from an input device (mono, 48 kHz float32) on a thread of its own and
/// pushes each 20 ms into a <see cref="CaptureFanout"/>. Reads only what the device has ready (so a
/// vanished device can never hang the thread); loss and retry behave as in <see cref="DeviceOutput"/>
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

    /// <summary>The latest status (counters refreshed about once a second; <see cref="DeviceStatus.BlocksPlayed"/> = blocks captured).</summary>
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
            _status.Set(DeviceState.Opening, s => s);
            var stream = PortAudioHost.Open(name, output: false, maxChannels: 1, out var problem);
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

            string? reason;
            try
            {
                _status.Set(DeviceState.Running, s => s with { DeviceName = stream.Device.DisplayName, Channels = stream.Channels, Message = null });
                reason = Pump(stream);
            }
            catch (Exception e)
            {
                reason = $"Device error: {e.Message}";
            }
            finally
            {
                stream.Dispose();
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

    private string? Pump(PortAudioStream stream)
    {
        var buffer = new float[Frames * stream.Channels];
        var lastProgress = _time.GetTimestamp();
        var lastReport = lastProgress;
        while (!_stop.IsSet)
        {
            var available = stream.ReadAvailable;
            if (available < 0)
            {
                return $"Device error: {PortAudioNative.ErrorText((int)available)}";
            }

            if (available >= Frames)
            {
                var result = stream.Read(buffer);
                if (result == PortAudioNative.InputOverflowed)
                {
                    _overflows++;
                }
                else if (result < 0)
                {
                    return $"Reading from the device failed: {PortAudioNative.ErrorText(result)}";
                }

                _fanout.Push(buffer);
                _blocks++;
                lastProgress = _time.GetTimestamp();
            }
            else
            {
                if (_time.GetElapsedTime(lastProgress) > DeviceOutput.StallLimit)
                {
                    return $"The device delivered no audio for {DeviceOutput.StallLimit.TotalSeconds:0} s (unplugged, or its server stopped).";
                }

                if (stream.IsActive != 1)
                {
                    return "The device stream stopped (unplugged, or its server stopped).";
                }

                _stop.Wait(TimeSpan.FromMilliseconds(Math.Clamp((Frames - available) * 1000.0 / AudioClock.SampleRate, 1, 10)));
            }

            if (_time.GetElapsedTime(lastReport) >= ReportInterval)
            {
                lastReport = _time.GetTimestamp();
                _status.Publish(_status.Current with { BlocksPlayed = _blocks, Overruns = _overflows });
            }
        }

        return null;
    }
}
