using System.ComponentModel.DataAnnotations;

namespace RadioStudio.Engine.Show;

/// <summary>The <c>Show</c> section of appsettings.json: what the AI callers are told about the show.</summary>
public sealed class ShowOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Show";

    /// <summary>The show's name as the callers say it ("You are Dale, calling RadioStudio Late Night").</summary>
    [Required, StringLength(120, MinimumLength = 1)]
    public string ShowName { get; set; } = "RadioStudio Late Night";

    /// <summary>How the callers refer to the host.</summary>
    [Required, StringLength(60, MinimumLength = 1)]
    public string HostName { get; set; } = "the host";

    /// <summary>Picks the persona data file <c>Show/Data/personas.&lt;Locale&gt;.json</c> next to the engine.</summary>
    [Required, RegularExpression("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    public string Locale { get; set; } = "en-US";

    /// <summary>A persona data file to use instead of the one for <see cref="Locale"/> (absolute or relative to the working directory).</summary>
    public string? PersonaFile { get; set; }
}
