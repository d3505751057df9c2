using System.Collections.Immutable;

namespace RadioStudio.Engine.State;

/// <summary>What the audio side is doing, pushed to the console: music, cart, ads, output device and stems.</summary>
public sealed record AudioStatus
{
    /// <summary>Nothing loaded yet.</summary>
    public static AudioStatus Initial { get; } = new();

    /// <summary>Music tracks in the music folder.</summary>
    public ImmutableList<MediaItem> Tracks { get; init; } = [];

    /// <summary>Sound effects on the cart wall (built-in sounds included).</summary>
    public ImmutableList<MediaItem> Effects { get; init; } = [];

    /// <summary>Ads and idents.</summary>
    public ImmutableList<MediaItem> Ads { get; init; } = [];

    /// <summary>The track playing (or fading in), or null.</summary>
    public string? NowPlaying { get; init; }

    /// <summary>The ad playing, or null.</summary>
    public string? AdPlaying { get; init; }

    /// <summary>Music volume, 0–1.</summary>
    public float MusicVolume { get; init; } = 0.8f;

    /// <summary>The playing track loops.</summary>
    public bool Loop { get; init; } = true;

    /// <summary>Music dips under speech.</summary>
    public bool Ducking { get; init; } = true;

    /// <summary>On-air callers hear the music bed.</summary>
    public bool MusicToCallers { get; init; } = true;

    /// <summary>The output device: "No device (stems only)", "Running", "Lost: …".</summary>
    public string OutputState { get; init; } = "No device";

    /// <summary>A warning about the output (sources folded onto the last channel, device lost), or null.</summary>
    public string? OutputWarning { get; init; }

    /// <summary>The stem take being recorded (its folder), or null.</summary>
    public string? RecordingFolder { get; init; }

    /// <summary>A problem with stems (disk full…), or null.</summary>
    public string? RecordingProblem { get; init; }

    /// <summary>Where the host mic comes from: "browser", a device name, or null (none).</summary>
    public string? HostMic { get; init; }

    /// <summary>A problem loading media (folder missing, ffmpeg missing, unreadable file), or null.</summary>
    public string? MediaProblem { get; init; }
}
