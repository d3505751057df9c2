using System.Net;

namespace RadioStudio.Web.Auth;

/// <summary>
/// A studio without users is only safe while nothing outside this machine can reach it. When the public Twilio URL
/// (a tunnel) or an address it listens on is not loopback, start-up is refused with the keys to set.
/// </summary>
public static class ExposureCheck
{
    /// <summary>Why the studio must not start as configured, or null when it may.</summary>
    public static string? Problem(IConfiguration configuration, StudioUsers users)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(users);
        if (users.Enabled)
        {
            return null;
        }

        var exposed = new List<string>();
        var publicUrl = configuration["Twilio:PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(publicUrl) && !IsLoopbackUrl(publicUrl))
        {
            exposed.Add($"Twilio:PublicBaseUrl is {publicUrl}");
        }

        foreach (var url in ListenUrls(configuration))
        {
            if (!IsLoopbackUrl(url))
            {
                exposed.Add($"it listens on {url}");
            }
        }

        return exposed.Count == 0 ? null
            : $"RadioStudio will not start without sign-in while it can be reached from outside ({string.Join("; ", exposed)}). "
              + "Add at least a host user: Auth__Users__<name>__Role=host and Auth__Users__<name>__PasswordHash=<hash> "
              + "(print one with: dotnet run --project RadioStudio.Web -- hash-password), or Auth__Users__<name>__Password "
              + "from an environment variable or user-secrets. See docs/security.md.";
    }

    /// <summary>True for URLs whose host is localhost or a loopback address.</summary>
    public static bool IsLoopbackUrl(string url)
    {
        // Kestrel's wildcards (http://*:5180, http://+:5180) are not valid URIs but mean every interface.
        if (!Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback
            || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    private static IEnumerable<string> ListenUrls(IConfiguration configuration)
    {
        foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return url;
        }

        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            // Ports alone bind every interface.
            if (!string.IsNullOrWhiteSpace(configuration[key]))
            {
                yield return $"http://*:{configuration[key]}";
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }
    }
}
