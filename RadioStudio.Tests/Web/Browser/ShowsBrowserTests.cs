using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RadioStudio.Engine.Export;
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

    [Fact]
    public async Task ExportEntry_OnTheHostConsole_OpensTheShow_ProgressIsPushedAndExportAgainRuns()
    {
        var engine = fixture.Factory.Services.GetRequiredService<StudioEngine>();
        await engine.SetOnAirAsync(true);
        var showId = engine.Current.Show!.Id;
        await engine.AddHostLineAsync("A show to export again.");
        await engine.SetOnAirAsync(false);
        var console = await fixture.OpenAsync("/");

        await console.Locator("[data-testid=export-link]").ClickAsync();

        await console.WaitForURLAsync($"**/shows?show={showId}");
        var row = console.Locator($"[data-testid=show-row][data-show='{showId}']");
        await Expect(row).ToHaveAttributeAsync("data-selected", "true");
        var finished = new System.Text.RegularExpressions.Regex("^(Done|NoMaster)$");
        await Expect(row.Locator("[data-testid=export-status]")).ToHaveAttributeAsync("data-phase", finished, new() { Timeout = 60_000 });
        await Expect(row.Locator("[data-testid=show-file]", new() { HasText = "notes.md" })).ToBeVisibleAsync();

        // A render in progress reaches the page as it moves (pushed over the circuit).
        var board = fixture.Factory.Services.GetRequiredService<ExportProgressBoard>();
        board.Report(showId, new ExportProgress(ExportPhase.RenderingMaster, 0.42));
        await Expect(row.Locator("[data-testid=export-progress]")).ToHaveAttributeAsync("data-value", "42");
        await Expect(row.Locator("[data-testid=export-status]")).ToHaveTextAsync("rendering master 42 %");
        board.Report(showId, new ExportProgress(ExportPhase.Done, 1));
        await Expect(row.Locator("[data-testid=export-progress]")).ToHaveCountAsync(0);

        // Export again writes the files anew and ends in a finished state.
        var notes = Path.Combine(fixture.Factory.Services.GetRequiredService<ShowExporter>().FolderOf(showId), "notes.md");
        File.Delete(notes);
        await row.Locator("[data-testid=export-regenerate]").ClickAsync();
        await Poll.AssertUntilAsync(() => File.Exists(notes), "Export again rewrote notes.md");
        await Expect(row.Locator("[data-testid=export-status]")).ToHaveAttributeAsync("data-phase", finished, new() { Timeout = 60_000 });
        await console.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(1024, 768)]
    [InlineData(768, 1024)]
    public async Task Archive_AtCommonSizes_FitsTheWidth_WithEveryFileLinkAndExportAgainInView(int width, int height)
    {
        var engine = fixture.Factory.Services.GetRequiredService<StudioEngine>();
        await engine.SetOnAirAsync(true);
        var showId = engine.Current.Show!.Id;
        await engine.AddHostLineAsync($"A show for the archive at {width} by {height}.");
        await engine.SetOnAirAsync(false);
        var page = await fixture.OpenAsync($"/shows?show={showId}", width, height);
        var row = page.Locator($"[data-testid=show-row][data-show='{showId}']");
        var finished = new System.Text.RegularExpressions.Regex("^(Done|NoMaster)$");
        await Expect(row.Locator("[data-testid=export-status]")).ToHaveAttributeAsync("data-phase", finished, new() { Timeout = 60_000 });
        await Expect(row.Locator("[data-testid=show-file]", new() { HasText = "notes.md" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"shows-{width}x{height}");

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"/shows at {width}×{height} scrolls sideways ({scrollWidth} px wide)");
        var controls = row.Locator("[data-testid=show-file], [data-testid=export-regenerate], [data-testid=export-status]");
        for (var i = 0; i < await controls.CountAsync(); i++)
        {
            var box = await controls.Nth(i).BoundingBoxAsync();
            Assert.True(box is { X: >= 0 } && box.X + box.Width <= width, $"control {i} of the row at {width}×{height} is outside the width ({box?.X}..{box?.X + box?.Width})");
        }

        await page.Context.CloseAsync();
    }
}
