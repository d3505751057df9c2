namespace RadioStudio.Engine.Audio.Devices;

/// <summary>The devices PortAudio sees.</summary>
public sealed class PortAudioDeviceCatalog : IAudioDeviceCatalog
{
    /// <inheritdoc />
    public IReadOnlyList<AudioDeviceInfo> List(out string? problem) => AudioDevices.List(out problem);
}
