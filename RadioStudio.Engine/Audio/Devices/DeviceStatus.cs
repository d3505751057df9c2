namespace RadioStudio.Engine.Audio.Devices;

/// <summary>A snapshot of a device output's (or capture's) health, for the UI and logs. Counters are totals since start.</summary>
/// <param name="State">Where the device is.</param>
/// <param name="DeviceName">The device as PortAudio lists it when open ("HostApi | Name"), else the configured name.</param>
/// <param name="Channels">Channels open on the device (0 when not open).</param>
/// <param name="FoldedBuses">Buses whose routed channel is past the device's last channel, so they are summed onto it.</param>
/// <param name="Underruns">Times the device needed audio and the studio had none ready (silence was sent).</param>
/// <param name="Overruns">Blocks dropped because the ring was full (the device was not taking audio fast enough).</param>
/// <param name="Message">Why the device is lost or unavailable, or a short note; null when all is well.</param>
public sealed record DeviceStatus(
    DeviceState State,
    string? DeviceName,
    int Channels,
    IReadOnlyList<string> FoldedBuses,
    long Underruns,
    long Overruns,
    string? Message)
{
    /// <summary>Blocks of studio audio handed to the device.</summary>
    public long BlocksPlayed { get; init; }

    /// <summary>Whole blocks dropped to pull latency back when the studio clock ran ahead of the device clock.</summary>
    public long DriftDrops { get; init; }

    /// <summary>Silent blocks inserted after an underrun to rebuild the cushion (the device clock ran ahead).</summary>
    public long InsertedBlocks { get; init; }

    /// <summary>Times the device itself reported running dry or losing data (a JACK xrun, an ALSA underrun), apart from <see cref="Underruns"/>.</summary>
    public long DeviceXruns { get; init; }

    /// <summary>When <see cref="State"/> last changed.</summary>
    public DateTimeOffset Since { get; init; }

    /// <summary>The initial state: nothing open.</summary>
    public static DeviceStatus Off(string? deviceName, DateTimeOffset since) => new(DeviceState.Off, deviceName, 0, [], 0, 0, null) { Since = since };
}
