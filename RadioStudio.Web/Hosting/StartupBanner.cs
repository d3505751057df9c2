using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Persistence;

namespace RadioStudio.Web.Hosting;

/// <summary>Tells the person who started the studio where to point a browser.</summary>
public static class StartupBanner
{
    /// <summary>Prints the host, co-host and screener URLs and the data folder.</summary>
    public static void Print(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault()?.TrimEnd('/') ?? "http://localhost:5180";
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Console.WriteLine();
        Console.WriteLine("  RadioStudio is running.");
        Console.WriteLine($"    Host console:  {url}/");
        Console.WriteLine($"    Co-host:       {url}/transcript");
        Console.WriteLine($"    Screener:      {url}/screen");
        Console.WriteLine($"    Data folder:   {storage.FullPath}");
        Console.WriteLine($"    Whisper model: {app.Services.GetRequiredService<RadioStudio.Engine.Speech.SpeechProviders>().WhisperModel.Describe()}");
        Console.WriteLine();
    }
}
