using System.ComponentModel.DataAnnotations;

namespace RadioStudio.Engine.Audio.Graph;

/// <summary>
/// The <c>Audio</c> section: media folders, ducking, what callers hear, and stems. Channel routing and the
/// output device are in <c>Studio:Routing</c> (and the settings page, which saves its own copy).
/// </summary>
public sealed class AudioOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Audio";

    /// <summary>Music beds (WAV/MP3/FLAC/OGG/M4A); relative to the data folder. Empty folder: no music.</summary>
    public string MusicFolder { get; set; } = "music";

    /// <summary>Sound effects for the cart wall; relative to the data folder. The built-in ring/busy/hang-up sounds are always there.</summary>
    public string EffectsFolder { get; set; } = "sfx";

    /// <summary>Ads and idents; relative to the data folder.</summary>
    public string AdsFolder { get; set; } = "ads";

    /// <summary>Where stems are recorded; relative to the data folder.</summary>
    public string StemsFolder { get; set; } = "stems";

    /// <summary>
    /// A studio input device (by name, as PortAudio lists it) for the host mic; empty = the host's browser
    /// microphone (the console's mic button).
    /// </summary>
    public string? InputDevice { get; set; }

    /// <summary>
    /// How stems are stored: <see cref="StemFormat.Flac"/> (default: 24-bit WAV while recording, losslessly
    /// compressed to FLAC when the show is exported), <see cref="StemFormat.Pcm24"/> (24-bit WAV, ¾ of float) or
    /// <see cref="StemFormat.Float32"/> (bit-exact copies of the float mix, about 80 MB a minute for the desk).
    /// </summary>
    public StemFormat StemFormat { get; set; } = StemFormat.Flac;

    /// <summary>Record stems while ON AIR.</summary>
    public bool RecordStems { get; set; } = true;

    /// <summary>Music dips under speech.</summary>
    public bool Ducking { get; set; } = true;

    /// <summary>How far music dips under speech, in dB.</summary>
    [Range(-40, -3)]
    public float DuckDepthDb { get; set; } = -12f;

    /// <summary>On-air callers hear the music bed in their return.</summary>
    public bool MusicToCallers { get; set; } = true;

    /// <summary>Ring as a caller goes to air, hang-up when an on-air caller leaves, busy when one is turned away (effects channel).</summary>
    public bool PhoneEventSounds { get; set; } = true;

    /// <summary>Callers on air at once, at most (each gets their own mix-minus).</summary>
    [Range(1, 64)]
    public int MaxOnAir { get; set; } = 16;

    /// <summary>
    /// Diagnostics: record the runtime's thread suspensions (GC, tiered compilation) and, at shutdown, log every
    /// late clock block with the suspensions that overlap it. Off in a show; the load runner turns it on.
    /// </summary>
    public bool DiagnoseClock { get; set; }

    /// <summary>
    /// A standby clock thread on a second CPU takes any block the clock thread has not started 0.25 ms after its
    /// deadline (both threads pinned, each to its own CPU): on a virtual machine whose host sometimes stops one vCPU
    /// for tens of milliseconds, blocks stay on time. Off by default: with both threads pinned, code compiled on a
    /// clock thread has been seen to stall it for about a second (decision 0010). Needs two CPUs.
    /// </summary>
    public bool StandbyClock { get; set; }

    /// <summary>Resolves a folder option against the data folder.</summary>
    public static string Resolve(string dataFolder, string folder) => Path.GetFullPath(Path.Combine(dataFolder, folder));
}
