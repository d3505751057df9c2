using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Audio.Devices;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Audio.Graph;

/// <summary>
/// The graph's device output, kept in step with the routing table: a new table (another device, another channel map)
/// swaps the <see cref="DeviceOutput"/> for one that follows it, off the audio thread; no device name means the null
/// output (stems still record). Its state and warnings (lost, unavailable, buses folded onto fewer channels) go to
/// the audio status the pages show.
/// </summary>
internal sealed class DeviceOutputFollower(AudioGraph graph, ILoggerFactory loggers, TimeProvider time, Func<Func<AudioStatus, AudioStatus>, Task> report)
{
    private readonly NullOutput _nullOutput = new();
    private DeviceOutput? _device;

    /// <summary>The multichannel device output, while one is chosen.</summary>
    public DeviceOutput? Device => _device;

    /// <summary>Swaps the device output for one following <paramref name="routing"/> (or none); the old one closes off the audio thread.</summary>
    public void Follow(RoutingTable? routing)
    {
        var old = _device;
        _device = null;
        if (old is not null)
        {
            graph.RemoveOutput(old);
            old.StatusChanged -= OnDeviceStatus;
            old.Dispose();
        }

        graph.RemoveOutput(_nullOutput);
        if (routing is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(routing.DeviceName))
        {
            // No device: the null output keeps the graph's consumers honest, the stems still record.
            graph.AddOutput(_nullOutput);
            _ = report(a => a with { OutputState = "Stems only", OutputWarning = null });
            return;
        }

        var device = new DeviceOutput(routing, loggers.CreateLogger<DeviceOutput>(), time);
        device.StatusChanged += OnDeviceStatus;
        _device = device;
        graph.AddOutput(device);
        device.Start();
        OnDeviceStatus(device.Status);
    }

    private void OnDeviceStatus(DeviceStatus status)
    {
        var state = status.State switch
        {
            DeviceState.Running => $"Running: {status.DeviceName} ({status.Channels} ch)",
            DeviceState.Opening => $"Opening {status.DeviceName}…",
            DeviceState.Lost => $"Lost: {status.DeviceName}",
            DeviceState.Unavailable => $"Unavailable: {status.DeviceName}",
            _ => $"Off: {status.DeviceName}",
        };
        var warnings = new List<string>();
        if (status.FoldedBuses.Count > 0)
        {
            warnings.Add($"{string.Join(", ", status.FoldedBuses)} fold onto channel {status.Channels}: the device has only {status.Channels} outputs.");
        }

        if (status.State is DeviceState.Lost or DeviceState.Unavailable && status.Message is { } message)
        {
            warnings.Add(message + " The show goes on: stems and callers are unaffected; the device is retried.");
        }

        var warning = warnings.Count == 0 ? null : string.Join(" ", warnings);
        _ = report(a => a.OutputState == state && a.OutputWarning == warning ? a : a with { OutputState = state, OutputWarning = warning });
    }
}
