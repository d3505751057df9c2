namespace RadioStudio.Web.Auth;

/// <summary>
/// With users configured, every request not in <see cref="StudioAccess"/>'s anonymous list needs a signed-in user
/// of a role the path allows: a page sends the browser to <c>/login</c>, anything else (the circuit, the mic,
/// downloads) gets 401, and a signed-in user of the wrong role 403. Without users the studio is local-only
/// (start-up refuses anything else) and this passes everything through.
/// </summary>
public sealed class StudioAccessMiddleware(RequestDelegate next, StudioUsers users)
{
    /// <summary>Checks one request.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!users.Enabled || StudioAccess.RolesFor(context.Request.Path.Value ?? "/") is not { } allowed)
        {
            return next(context);
        }

        var role = StudioUsers.RoleOf(context.User);
        if (role is { } signedIn && allowed.Contains(signedIn))
        {
            return next(context);
        }

        if (role is null && HttpMethods.IsGet(context.Request.Method) && !context.WebSockets.IsWebSocketRequest && AcceptsHtml(context.Request))
        {
            var back = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect("/login?returnUrl=" + Uri.EscapeDataString(back));
            return Task.CompletedTask;
        }

        // A body keeps the status-code pages from turning the refusal into the friendly 404 page.
        context.Response.StatusCode = role is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        return context.Response.WriteAsync(role is null ? "Sign in first: /login" : "Your sign-in can't open this.", context.RequestAborted);
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
