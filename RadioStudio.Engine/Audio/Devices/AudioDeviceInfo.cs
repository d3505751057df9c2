namespace RadioStudio.Engine.Audio.Devices;

/// <summary>One device as PortAudio lists it (device indices drift between boots, so only names are kept).</summary>
/// <param name="Name">The device's own name, e.g. <c>system</c> (JACK) or <c>hw:CARD=PCH,DEV=0</c> (ALSA).</param>
/// <param name="HostApi">The host API, e.g. <c>ALSA</c> or <c>JACK Audio Connection Kit</c>.</param>
/// <param name="MaxInputChannels">Capture channels (0 for an output-only device).</param>
/// <param name="MaxOutputChannels">Playback channels (0 for an input-only device).</param>
/// <param name="DefaultSampleRate">The device's preferred rate in Hz (the studio always opens 48 kHz).</param>
public sealed record AudioDeviceInfo(string Name, string HostApi, int MaxInputChannels, int MaxOutputChannels, double DefaultSampleRate)
{
    /// <summary>"HostApi | Name": unique across host APIs, and what the settings page stores.</summary>
    public string DisplayName => $"{HostApi} | {Name}";
}
