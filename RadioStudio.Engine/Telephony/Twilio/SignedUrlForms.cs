namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>
/// The two spellings of a webhook URL Twilio may have signed: without any port, and with the port
/// (the scheme's default added when none is given). Twilio's back end is not consistent about which one
/// it signs, so its own validators try both. Works on the string, never through <see cref="Uri"/>,
/// because the signature covers Twilio's exact characters and <see cref="Uri"/> re-escapes and re-cases.
/// </summary>
internal static class SignedUrlForms
{
    /// <summary>The URL without a port, then with one; one entry when both spell the same.</summary>
    public static IReadOnlyList<string> Of(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return [url];
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        // Userinfo may itself contain ':'; an IPv6 host is bracketed and full of them.
        var hostStart = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) + 1;
        if (hostStart == 0)
        {
            hostStart = authorityStart;
        }

        var searchFrom = hostStart;
        if (hostStart < authorityEnd && url[hostStart] == '[')
        {
            var bracket = url.IndexOf(']', hostStart, authorityEnd - hostStart);
            searchFrom = bracket < 0 ? authorityEnd : bracket;
        }

        var colon = searchFrom < authorityEnd ? url.IndexOf(':', searchFrom, authorityEnd - searchFrom) : -1;
        if (colon >= 0)
        {
            var withoutPort = string.Concat(url.AsSpan(0, colon), url.AsSpan(authorityEnd));
            return [withoutPort, url];
        }

        var defaultPort = DefaultPort(url.AsSpan(0, schemeEnd));
        return defaultPort is null
            ? [url]
            : [url, string.Concat(url.AsSpan(0, authorityEnd), ":", defaultPort, url.AsSpan(authorityEnd))];
    }

    private static string? DefaultPort(ReadOnlySpan<char> scheme) =>
        scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? "443"
        : scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? "80"
        : null;
}
