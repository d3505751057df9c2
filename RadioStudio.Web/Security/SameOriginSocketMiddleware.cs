namespace RadioStudio.Web.Security;

/// <summary>
/// The circuit (<c>/_blazor</c>) and the microphone (<c>/audio/mic</c>) are the studio's own page talking to the
/// studio: a browser always sends Origin there, so a missing or foreign Origin is another site (or a script) and
/// gets 403 before any socket opens. Twilio's stream socket has its own one-time token and is not checked here.
/// </summary>
public sealed partial class SameOriginSocketMiddleware(RequestDelegate next, ILogger<SameOriginSocketMiddleware> logger)
{
    /// <summary>Checks one request.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        var guarded = path.StartsWithSegments("/audio/mic") || (path.StartsWithSegments("/_blazor") && !HttpMethods.IsGet(context.Request.Method))
            || (path.StartsWithSegments("/_blazor") && context.WebSockets.IsWebSocketRequest);
        if (!guarded || IsSameOrigin(context.Request))
        {
            return next(context);
        }

        Log.Refused(logger, path.Value ?? "", RadioStudio.Engine.Studio.LogText.Escape(context.Request.Headers.Origin.ToString()));
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsync("Not this studio's page.", context.RequestAborted);
    }

    /// <summary>True when the request's Origin names exactly the host (and port) it was sent to.</summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Headers.Origin.ToString();
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.Equals(uri.IsDefaultPort ? uri.Host : uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static partial class Log
    {
        [LoggerMessage(1210, LogLevel.Warning, "Refused {Path}: origin '{Origin}' is not this studio")]
        public static partial void Refused(ILogger logger, string path, string origin);
    }
}
