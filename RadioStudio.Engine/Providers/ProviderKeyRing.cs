using System.Collections.Concurrent;

namespace RadioStudio.Engine.Providers;

/// <summary>
/// API keys bound to the endpoint (scheme, host and port) they were given for. The configured key
/// (<c>Llm__ApiKey</c> and the like) belongs to the configured endpoint; a key for any other endpoint must be entered
/// for that endpoint (kept in memory only). Changing an endpoint on the settings page therefore never sends an existing
/// key anywhere new, and a saved endpoint restored from the database gets no key it was not given.
/// </summary>
public sealed class ProviderKeyRing
{
    private readonly ConcurrentDictionary<(string Section, string Origin), string> _keys = new();

    /// <summary>Binds <paramref name="key"/> to the origin of <paramref name="endpoint"/> (or the provider's own address when null).</summary>
    /// <returns>False when the endpoint is not an http(s) URL (nothing is bound).</returns>
    public bool Bind(string section, string provider, string? endpoint, string? key)
    {
        if (Origin(provider, endpoint) is not { } origin)
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            _keys.TryRemove((section, origin), out _);
        }
        else
        {
            _keys[(section, origin)] = key.Trim();
        }

        return true;
    }

    /// <summary>The key bound to exactly this endpoint's origin, or null.</summary>
    public string? KeyFor(string section, string provider, string? endpoint) =>
        Origin(provider, endpoint) is { } origin && _keys.TryGetValue((section, origin), out var key) ? key : null;

    /// <summary>
    /// <c>scheme://host:port</c> of <paramref name="endpoint"/>, or of the provider's own API when it is null;
    /// null when there is nothing to bind to (not http(s), or an offline/local provider without an address).
    /// </summary>
    public static string? Origin(string provider, string? endpoint)
    {
        var url = string.IsNullOrWhiteSpace(endpoint) ? DefaultEndpoint(provider) : endpoint.Trim();
        return url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}".ToLowerInvariant()
            : null;
    }

    private static string? DefaultEndpoint(string provider) => provider.ToLowerInvariant() switch
    {
        "openai" => "https://api.openai.com/v1",
        "elevenlabs" => "https://api.elevenlabs.io",
        _ => null,
    };
}
