using System.ComponentModel.DataAnnotations;

namespace RadioStudio.Engine.Show;

/// <summary>The <c>Show</c> section of appsettings.json: where AI caller personas come from (the show and host names are <c>Studio:ShowTitle</c> and <c>Studio:HostName</c>).</summary>
public sealed class ShowOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Show";

    /// <summary>Picks the persona data file <c>Show/Data/personas.&lt;Locale&gt;.json</c> next to the engine.</summary>
    [Required, RegularExpression("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    public string Locale { get; set; } = "en-US";

    /// <summary>A persona data file to use instead of the one for <see cref="Locale"/> (absolute or relative to the working directory).</summary>
    public string? PersonaFile { get; set; }
}
