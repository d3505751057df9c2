using RadioStudio.Engine.Audio.Devices;

namespace RadioStudio.Tests.Support;

/// <summary>A fixed list of devices for page tests.</summary>
public sealed class FakeDeviceCatalog : IAudioDeviceCatalog
{
    public List<AudioDeviceInfo> Devices { get; } =
    [
        new("system", "JACK Audio Connection Kit", 2, 16, 48_000),
        new("Loopback Audio", "ALSA", 0, 8, 48_000),
    ];

    public string? Problem { get; set; }

    public IReadOnlyList<AudioDeviceInfo> List(out string? problem)
    {
        problem = Problem;
        return Devices;
    }
}
