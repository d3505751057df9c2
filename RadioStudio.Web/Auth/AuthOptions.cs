namespace RadioStudio.Web.Auth;

/// <summary>Section <c>Auth</c>: the people who may use the studio. None configured = a local, loopback-only studio.</summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Auth";

    /// <summary>Users by sign-in name.</summary>
    public Dictionary<string, StudioUserOptions> Users { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
