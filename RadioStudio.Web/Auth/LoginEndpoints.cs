using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Web.Auth;

/// <summary>
/// <c>/login</c> (a plain form, no circuit: it must work before anyone is trusted) and <c>/logout</c>.
/// A wrong name or password gets the same answer, after the same work.
/// </summary>
public static partial class LoginEndpoints
{
    /// <summary>Maps GET/POST /login and POST /logout.</summary>
    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
            Page(http, antiforgery, returnUrl, error: null));
        app.MapPost("/login", SignInAsync);
        app.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        });
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, StudioUsers users, ILogger<StudioUsers> logger)
    {
        if (!users.Enabled)
        {
            return Results.Redirect("/");
        }

        if (!http.Request.HasFormContentType || http.Request.ContentLength is null or > 8 * 1024)
        {
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Page(http, antiforgery, returnUrl: null, "The sign-in form expired; try again.");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = form["returnUrl"].ToString();
        var name = form["user"].ToString();
        var role = users.Verify(name, form["password"].ToString());
        if (role is not { } signedIn)
        {
            Log.Failed(logger, LogText.Escape(name), http.Connection.RemoteIpAddress?.ToString() ?? "?");
            return Page(http, antiforgery, returnUrl, "Wrong name or password.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, signedIn.ToString())],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        Log.SignedIn(logger, LogText.Escape(name), signedIn);
        var target = IsLocal(returnUrl) && StudioAccess.RolesFor(returnUrl.Split('?')[0]) is { } allowed && allowed.Contains(signedIn)
            ? returnUrl
            : StudioAccess.HomeOf(signedIn);
        return Results.Redirect(target);
    }

    // Only a path on this site: never "//host" or "/\host", which browsers read as another site.
    private static bool IsLocal(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var message = error is null ? "" : $"""<p class="error" role="alert">{WebUtility.HtmlEncode(error)}</p>""";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Sign in · RadioStudio</title>
            <style>
              body { background:#121212; color:#eee; font-family: Roboto, Helvetica, Arial, sans-serif; display:flex; min-height:100vh; margin:0; align-items:center; justify-content:center; }
              form { background:#1e1e1e; padding:2rem; border-radius:8px; width:min(22rem, 90vw); display:flex; flex-direction:column; gap:.8rem; }
              input { padding:.6rem; border-radius:4px; border:1px solid #555; background:#2a2a2a; color:#eee; font-size:1rem; }
              button { padding:.7rem; border:0; border-radius:4px; background:#e53935; color:#fff; font-weight:600; font-size:1rem; cursor:pointer; }
              .error { color:#ff8a80; margin:0; }
            </style></head>
            <body><form method="post" action="/login">
              <h1 style="margin:0 0 .5rem;font-size:1.4rem">RadioStudio</h1>
              {{message}}
              <label>Name <input name="user" data-testid="login-user" autocomplete="username" required autofocus style="width:100%;box-sizing:border-box" /></label>
              <label>Password <input name="password" type="password" data-testid="login-password" autocomplete="current-password" required style="width:100%;box-sizing:border-box" /></label>
              <input type="hidden" name="{{tokens.FormFieldName}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}" />
              <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl ?? "")}}" />
              <button type="submit" data-testid="login-submit">Sign in</button>
            </form></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: error is null ? 200 : 401);
    }

    private static partial class Log
    {
        [LoggerMessage(1200, LogLevel.Information, "Signed in: {Name} ({Role})")]
        public static partial void SignedIn(ILogger logger, string name, StudioRole role);

        [LoggerMessage(1201, LogLevel.Warning, "Sign-in refused for {Name} from {Remote}")]
        public static partial void Failed(ILogger logger, string name, string remote);
    }
}
