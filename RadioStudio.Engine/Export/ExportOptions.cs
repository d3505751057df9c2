using System.ComponentModel.DataAnnotations;

namespace RadioStudio.Engine.Export;

/// <summary>The <c>Export</c> section: how the podcast master is encoded.</summary>
public sealed class ExportOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Export";

    /// <summary>1 = mono (the program bus is mono; smallest files), 2 = the same audio on both sides for players that expect stereo.</summary>
    [Range(1, 2)]
    public int Channels { get; set; } = 1;

    /// <summary>The MP3's bit rate, as ffmpeg spells it (e.g. 96k, 128k).</summary>
    [Required]
    [RegularExpression("^[0-9]{2,3}k$")]
    public string Mp3Bitrate { get; set; } = "128k";
}
