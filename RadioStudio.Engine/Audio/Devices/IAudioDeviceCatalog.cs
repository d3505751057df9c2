namespace RadioStudio.Engine.Audio.Devices;

/// <summary>The audio devices this machine has (for the settings page); a seam so pages can be tested without PortAudio.</summary>
public interface IAudioDeviceCatalog
{
    /// <summary>Lists the devices now; <paramref name="problem"/> says why the list is empty or partial (PortAudio missing, busy).</summary>
    IReadOnlyList<AudioDeviceInfo> List(out string? problem);
}
