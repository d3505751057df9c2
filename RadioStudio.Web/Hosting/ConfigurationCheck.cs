using Microsoft.Extensions.Options;

namespace RadioStudio.Web.Hosting;

/// <summary>
/// Runs every options validation before the host starts, so a bad appsettings.json value ends start-up
/// with a short message naming the key instead of a host stack trace.
/// </summary>
public static class ConfigurationCheck
{
    /// <summary>True when the configuration is valid; otherwise writes why to <paramref name="error"/>.</summary>
    public static bool Validate(IServiceProvider services, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            if (Auth.ExposureCheck.Problem(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<Auth.StudioUsers>()) is { } exposed)
            {
                error.WriteLine(exposed);
                return false;
            }

            return true;
        }
        catch (OptionsValidationException invalid)
        {
            error.WriteLine("RadioStudio cannot start: the configuration is invalid.");
            foreach (var failure in invalid.Failures)
            {
                error.WriteLine($"  - {failure}");
            }
        }
        catch (InvalidOperationException bind) when (bind.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase)
                                                    || bind.Message.Contains("not found on type", StringComparison.Ordinal))
        {
            error.WriteLine($"RadioStudio cannot start: {bind.Message}");
        }

        error.WriteLine("  Fix appsettings.json (or the environment variable that overrides it) and start again.");
        return false;
    }
}
