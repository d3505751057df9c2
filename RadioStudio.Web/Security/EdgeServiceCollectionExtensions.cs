using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RadioStudio.Web.Security;

/// <summary>What every request meets first: allowed host names, Kestrel's limits, the WebSocket Origin check, security headers.</summary>
public static class EdgeServiceCollectionExtensions
{
    /// <summary>
    /// Host names default to loopback plus the host of <c>Twilio:PublicBaseUrl</c> (a request naming any other host,
    /// as DNS rebinding does, gets 400); <c>AllowedHosts</c> in configuration adds more (e.g. the LAN name a tablet uses).
    /// </summary>
    public static IServiceCollection AddStudioEdges(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.PostConfigure<HostFilteringOptions>(options =>
        {
            var configured = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            List<string> hosts = ["localhost", "127.0.0.1", "[::1]", .. configured];
            if (Uri.TryCreate(configuration["Twilio:PublicBaseUrl"], UriKind.Absolute, out var publicUrl))
            {
                hosts.Add(publicUrl.Host);
            }

            options.AllowedHosts = hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            options.AllowEmptyHosts = false;
            options.IncludeFailureMessage = false;
        });
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = 1000;
            kestrel.Limits.MaxConcurrentUpgradedConnections = 500;
            kestrel.Limits.MaxRequestHeaderCount = 64;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
        });
        return services;
    }

    /// <summary>Security headers and the Origin check, before authentication.</summary>
    public static IApplicationBuilder UseStudioEdges(this IApplicationBuilder app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<SameOriginSocketMiddleware>();
        return app;
    }
}
