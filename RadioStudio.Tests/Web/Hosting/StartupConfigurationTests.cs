using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.Studio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.Hosting;

public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task Start_DefaultConfiguration_ServesAllThreePages()
    {
        await using var factory = new StudioWebFactory();
        using var client = factory.CreateClient();

        foreach (var path in new[] { "/", "/transcript", "/screen" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            Assert.Contains("RadioStudio", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The root appsettings.json is the one loaded: its show title reaches the engine.
        Assert.Equal("Late Night Radio", factory.Services.GetRequiredService<IOptions<StudioOptions>>().Value.ShowTitle);
        Assert.True(File.Exists(Path.Combine(factory.DataFolder, "studio.db")));
    }

    [Theory]
    [InlineData("Studio__PushIntervalMilliseconds", "5", "Studio:PushIntervalMilliseconds")]
    [InlineData("Studio__ShowTitel", "Typo FM", "ShowTitel")]
    [InlineData("Studio__EventLogCapacity", "lots", "Studio:EventLogCapacity")]
    [InlineData("Screening__MaxTurns", "0", "Screening:MaxTurns")]
    public async Task Start_BadValue_ExitsWithAMessageNamingTheKey(string variable, string value, string expectedKey)
    {
        using var data = new TempDirectory();
        var result = await StudioProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            [variable] = value,
            ["Storage__Path"] = data.Path,
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("RadioStudio cannot start", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(expectedKey, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_EmptyStoragePath_ExitsWithAMessageNamingTheKey()
    {
        var result = await StudioProcess.RunUntilExitAsync(new Dictionary<string, string> { ["Storage__Path"] = "" });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Storage:Path", result.StandardError, StringComparison.Ordinal);
    }
}
