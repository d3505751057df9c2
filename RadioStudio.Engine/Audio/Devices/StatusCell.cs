using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// Holds a device's latest <see cref="DeviceStatus"/> and raises the change event. Used only from the
/// device's own thread (and Start/Dispose), never from the audio clock thread.
/// </summary>
internal sealed class StatusCell(DeviceStatus initial, TimeProvider time, ILogger logger)
{
    private DeviceStatus _current = initial;

    public DeviceStatus Current => Volatile.Read(ref _current);

    public event Action<DeviceStatus>? Changed;

    /// <summary>Moves to <paramref name="state"/> (stamping <see cref="DeviceStatus.Since"/> when it changes) and publishes.</summary>
    public void Set(DeviceState state, Func<DeviceStatus, DeviceStatus> update)
    {
        var previous = Current;
        var next = update(previous with { State = state });
        if (next.State != previous.State)
        {
            next = next with { Since = time.GetUtcNow() };
        }

        Publish(next);
    }

    /// <summary>Publishes <paramref name="next"/> unless it equals the current one.</summary>
    public void Publish(DeviceStatus next)
    {
        if (next == Current)
        {
            return;
        }

        Volatile.Write(ref _current, next);
        try
        {
            Changed?.Invoke(next);
        }
        catch (Exception e)
        {
            logger.LogError(e, "A device status subscriber threw; the device keeps running.");
        }
    }
}
