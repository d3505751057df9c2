using Microsoft.Extensions.Configuration.Json;

namespace RadioStudio.Web.Hosting;

/// <summary>
/// Finds THE appsettings.json (repository root when run from source, the app folder when published) and
/// puts it where ASP.NET Core's own appsettings.json would go: environment variables, user-secrets and
/// the command line still override it.
/// </summary>
public static class StudioConfiguration
{
    /// <summary>Environment variable that names another configuration file.</summary>
    public const string ConfigFileVariable = "RADIOSTUDIO_CONFIG";

    /// <summary>Adds the studio's configuration file and records its folder as <c>Storage:Root</c>.</summary>
    public static void AddStudioConfigurationFile(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var file = Locate(builder.Environment.ContentRootPath);
        if (file is null)
        {
            return;
        }

        var sources = builder.Configuration.Sources;
        var index = sources.ToList().FindLastIndex(s => s is JsonConfigurationSource { Path: "appsettings.json" });
        var json = new JsonConfigurationSource { Path = Path.GetFileName(file), Optional = false, ReloadOnChange = false };
        json.ResolveFileProvider();
        json.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetDirectoryName(file)!);
        sources.Insert(index < 0 ? 0 : index + 1, json);

        if (string.IsNullOrEmpty(builder.Configuration["Storage:Root"]))
        {
            builder.Configuration.AddInMemoryCollection([new("Storage:Root", Path.GetDirectoryName(file))]);
        }
    }

    private static string? Locate(string contentRoot)
    {
        var explicitFile = Environment.GetEnvironmentVariable(ConfigFileVariable);
        if (!string.IsNullOrEmpty(explicitFile))
        {
            return File.Exists(explicitFile)
                ? Path.GetFullPath(explicitFile)
                : throw new FileNotFoundException($"{ConfigFileVariable} names {explicitFile}, which does not exist.");
        }

        foreach (var folder in new[] { Path.Combine(contentRoot, ".."), contentRoot, AppContext.BaseDirectory })
        {
            var candidate = Path.GetFullPath(Path.Combine(folder, "appsettings.json"));
            if (File.Exists(candidate) && (folder != Path.Combine(contentRoot, "..") || File.Exists(Path.Combine(folder, "RadioStudio.sln"))))
            {
                return candidate;
            }
        }

        return null;
    }
}
