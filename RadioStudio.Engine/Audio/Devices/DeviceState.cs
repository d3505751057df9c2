namespace RadioStudio.Engine.Audio.Devices;

/// <summary>Where a device output or capture is.</summary>
public enum DeviceState
{
    /// <summary>Not started, stopped, or no device chosen.</summary>
    Off,

    /// <summary>Opening the device (first time or a retry).</summary>
    Opening,

    /// <summary>Streaming.</summary>
    Running,

    /// <summary>The device failed, vanished or could not be opened; retried in the background.</summary>
    Lost,

    /// <summary>PortAudio itself is missing or unusable; no retries (install libportaudio2 and restart).</summary>
    Unavailable,
}
