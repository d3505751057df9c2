using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RadioStudio.Engine.Studio;
using RadioStudio.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RadioStudio.Tests.Web.Browser;

/// <summary>The shows archive: a show that just ended appears (pushed) with its files, and one downloads.</summary>
[Trait("Category", "E2E")]
public sealed class ShowsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task EndedShow_AppearsWithItsFiles_AndTheVttDownloadsWithSpeakers()
    {
        var page = await fixture.OpenAsync("/shows");
        var engine = fixture.Factory.Services.GetRequiredService<StudioEngine>();
        await engine.SetOnAirAsync(true);
        await engine.AddHostLineAsync("Welcome to the archive test, night owls.");
        await engine.SetOnAirAsync(false);

        var row = page.Locator("[data-testid=show-row]").First;
        await Expect(row.Locator("[data-testid=export-status]")).Not.ToHaveTextAsync("on air", new() { Timeout = 60_000 });
        var link = row.Locator("[data-testid=show-file]", new() { HasText = "transcript.vtt" });
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await BrowserFixture.ScreenshotAsync(page, "shows");

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = await download.PathAsync();
        var vtt = await File.ReadAllTextAsync(path!);
        Assert.StartsWith("WEBVTT", vtt, StringComparison.Ordinal);
        Assert.Contains("<v Host>Welcome to the archive test, night owls.", vtt, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
