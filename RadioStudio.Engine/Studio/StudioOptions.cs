using System.ComponentModel.DataAnnotations;

using RadioStudio.Engine.Audio.Routing;

namespace RadioStudio.Engine.Studio;

/// <summary>The <c>Studio</c> section of appsettings.json.</summary>
public sealed class StudioOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Studio";

    /// <summary>Show title used for new shows and in the greeting.</summary>
    [Required, StringLength(120, MinimumLength = 1)]
    public string ShowTitle { get; set; } = "Late Night Radio";

    /// <summary>The host's name as it appears in the transcript.</summary>
    [Required, StringLength(60, MinimumLength = 1)]
    public string HostName { get; set; } = "Host";

    /// <summary>Shortest interval between two pushes to one page, in milliseconds.</summary>
    [Range(10, 1000)]
    public int PushIntervalMilliseconds { get; set; } = 50;

    /// <summary>How many event log lines the host console keeps.</summary>
    [Range(10, 5000)]
    public int EventLogCapacity { get; set; } = 300;

    /// <summary>
    /// The default routing of sources to device channels (and the output device by name), used until the host
    /// saves one on the settings page. The first on-air phone caller takes <c>Routing:FirstPhone</c>, the next
    /// ones the following channels.
    /// </summary>
    public RoutingTable Routing { get; set; } = new();

    /// <summary>Longest transcript line accepted, in characters.</summary>
    [Range(100, 100_000)]
    public int MaxLineLength { get; set; } = 4000;
}
