namespace RadioStudio.Web.Auth;

/// <summary>
/// Who may open what, by path: one table for the HTTP pipeline and for navigation inside a circuit, so a page
/// nobody listed here is the host's. Anonymous: the login page, Twilio's signed webhooks and static assets.
/// </summary>
public static class StudioAccess
{
    private static readonly StudioRole[] Anyone = [StudioRole.Host, StudioRole.Screener, StudioRole.Cohost];

    /// <summary>Null when the path is anonymous; else the roles that may open it.</summary>
    public static IReadOnlyCollection<StudioRole>? RolesFor(string path)
    {
        path = "/" + path.TrimStart('/');
        if (IsAnonymous(path))
        {
            return null;
        }

        if (Under(path, "/screen") || Under(path, "/callers") || Under(path, "/screening/clips"))
        {
            return [StudioRole.Host, StudioRole.Screener];
        }

        if (Under(path, "/transcript"))
        {
            return [StudioRole.Host, StudioRole.Cohost];
        }

        // The circuit and the sign-out serve every role; what a circuit may do is checked per page and per command.
        return Under(path, "/_blazor") || Under(path, "/logout") || Under(path, "/not-found") || Under(path, "/Error")
            ? Anyone
            : [StudioRole.Host];
    }

    /// <summary>Where a signed-in person of <paramref name="role"/> starts.</summary>
    public static string HomeOf(StudioRole role) => role switch
    {
        StudioRole.Screener => "/screen",
        StudioRole.Cohost => "/transcript",
        _ => "/",
    };

    private static readonly string[] AssetExtensions = [".css", ".js", ".mjs", ".png", ".ico", ".svg", ".woff", ".woff2", ".map"];

    // Static assets carry no studio data; pages, sockets and downloads never end in these extensions.
    private static bool IsAnonymous(string path) =>
        Under(path, "/login") || Under(path, "/twilio") || Under(path, "/_framework") || Under(path, "/_content")
        || AssetExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static bool Under(string path, string prefix) =>
        path.Equals(prefix, StringComparison.OrdinalIgnoreCase)
        || (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && path.Length > prefix.Length && path[prefix.Length] is '/' or '?');
}
