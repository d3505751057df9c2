using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RadioStudio.Tests.Support;

/// <summary>The real studio (Program.cs), with its data folder in a temp directory and any extra settings.</summary>
public sealed class StudioWebFactory(IReadOnlyDictionary<string, string?>? settings = null, string? dataFolder = null) : WebApplicationFactory<Program>
{
    private readonly TempDirectory? _data = dataFolder is null ? new() : null;

    /// <summary>The data folder: a temp one of its own, or the one given (a restarted studio on the same database).</summary>
    public string DataFolder => dataFolder ?? _data!.Path;

    /// <summary>Serves on a real Kestrel socket on 127.0.0.1 (a free port) and returns the base URL.</summary>
    public string StartKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, config) =>
        {
            // The AI screener (on by default in the product) is turned on by the tests that are about it; elsewhere a
            // screener talking to every holding caller would change what those tests hear and count.
            config.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = DataFolder, ["Screening:Enabled"] = "false" });
            if (settings is not null)
            {
                config.AddInMemoryCollection(settings);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data?.Dispose();
        }
    }
}
