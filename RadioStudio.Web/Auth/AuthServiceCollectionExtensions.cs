using Microsoft.AspNetCore.Authentication.Cookies;

namespace RadioStudio.Web.Auth;

/// <summary>Sign-in, roles and the per-circuit command check.</summary>
public static class AuthServiceCollectionExtensions
{
    /// <summary>Cookie authentication, the configured users and <see cref="CircuitStudioControl"/>.</summary>
    public static IServiceCollection AddStudioAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        services.AddSingleton<StudioUsers>();
        services.AddScoped<CircuitStudioControl>();
        services.AddScoped<CircuitShowMemoryControl>();
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "radiostudio.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/login";
        });
        services.AddAuthorization();
        return services;
    }

    /// <summary>Authentication, then <see cref="StudioAccessMiddleware"/>: before any page, socket or download.</summary>
    public static IApplicationBuilder UseStudioAuth(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseMiddleware<StudioAccessMiddleware>();
        app.UseAuthorization();
        return app;
    }
}
