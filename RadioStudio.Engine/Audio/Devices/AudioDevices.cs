namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// Lists PortAudio devices for the settings page, and resolves a saved device name. Matching, in order,
/// among devices with channels in the wanted direction (first hit in PortAudio's order wins):
/// <list type="number">
/// <item>exact (ordinal) match on <see cref="AudioDeviceInfo.DisplayName"/>, "HostApi | Name";</item>
/// <item>exact (ordinal) match on <see cref="AudioDeviceInfo.Name"/>;</item>
/// <item>case-insensitive "contains" on the display name (so "jack | system" or "USB" work).</item>
/// </list>
/// Store the display name: it survives index changes and tells ALSA's and JACK's "system" apart.
/// </summary>
public static class AudioDevices
{
    /// <summary>
    /// Every device PortAudio sees now. Empty with <paramref name="problem"/> set when PortAudio is not
    /// installed, fails to initialise or finds nothing. While a stream is open the list is the one taken
    /// when PortAudio was initialised (PortAudio only scans at initialisation).
    /// </summary>
    public static IReadOnlyList<AudioDeviceInfo> List(out string? problem) => PortAudioHost.List(out problem);

    /// <summary>The device <paramref name="name"/> selects (rules above), or null.</summary>
    public static AudioDeviceInfo? Match(IReadOnlyList<AudioDeviceInfo> devices, string name, bool output)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var index = Find(devices, name, output);
        return index < 0 ? null : devices[index];
    }

    /// <summary>Index in <paramref name="devices"/> of the device <paramref name="name"/> selects, or −1.</summary>
    internal static int Find(IReadOnlyList<AudioDeviceInfo> devices, string name, bool output)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return -1;
        }

        name = name.Trim();
        bool Usable(AudioDeviceInfo d) => (output ? d.MaxOutputChannels : d.MaxInputChannels) > 0;
        for (var pass = 0; pass < 3; pass++)
        {
            for (var i = 0; i < devices.Count; i++)
            {
                var device = devices[i];
                if (!Usable(device))
                {
                    continue;
                }

                var hit = pass switch
                {
                    0 => string.Equals(device.DisplayName, name, StringComparison.Ordinal),
                    1 => string.Equals(device.Name, name, StringComparison.Ordinal),
                    _ => device.DisplayName.Contains(name, StringComparison.OrdinalIgnoreCase),
                };
                if (hit)
                {
                    return i;
                }
            }
        }

        return -1;
    }
}
