using Microsoft.Playwright;
using RadioStudio.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RadioStudio.Tests.Web.Browser;

/// <summary>The three pages at the sizes hosts use: no horizontal scroll, the clock and ON AIR always in view.</summary>
[Trait("Category", "E2E")]
public sealed class LayoutBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1024, 768)]
    [InlineData(768, 1024)]
    [InlineData(1366, 900)]
    public async Task Pages_AtCommonSizes_FitTheWidth_ClockAndOnAirInView(int width, int height)
    {
        foreach (var path in new[] { "/", "/transcript", "/screen" })
        {
            var page = await fixture.OpenAsync(path, width, height);
            await Expect(page.Locator("[data-testid=show-clock]")).ToBeVisibleAsync();
            await SaveAsync(page, $"layout-{width}x{height}{path.Replace('/', '-')}");

            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"{path} at {width}×{height} scrolls sideways ({scrollWidth} px wide)");
            await AssertInViewAsync(page, "[data-testid=show-clock]", width, height, path);
            var onAir = path == "/" ? "[data-testid=on-air-toggle]" : "[data-testid=on-air-lamp]";
            if (await page.Locator(onAir).CountAsync() > 0)
            {
                await AssertInViewAsync(page, onAir, width, height, path);
            }

            if (path == "/")
            {
                foreach (var control in new[] { "[data-testid=host-text-input]", "[data-testid=take-next]", "[data-testid=let-them-respond]", "[data-testid=push-to-talk]" })
                {
                    await page.Locator(control).ScrollIntoViewIfNeededAsync();
                    await AssertInViewAsync(page, control, width, height, path, scrolled: true);
                }
            }

            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task HostConsole_At1366x900_TheWholeCartAndSixEventLogLinesShow()
    {
        var page = await fixture.OpenAsync("/", 1366, 900);

        var cart = await page.Locator("[data-testid=cart]").BoundingBoxAsync();
        Assert.NotNull(cart);
        Assert.True(cart.Y + cart.Height <= 900, $"the cart ends at {cart.Y + cart.Height} px, below the fold");
        var log = await page.Locator("[data-testid=event-log]").BoundingBoxAsync();
        Assert.NotNull(log);
        Assert.True(log.Y + log.Height <= 900, "the event log is below the fold");
        Assert.True(log.Height >= 6 * 18, $"the event log is {log.Height} px tall: fewer than six lines");
        await page.Context.CloseAsync();
    }

    private static async Task AssertInViewAsync(IPage page, string selector, int width, int height, string path, bool scrolled = false)
    {
        var box = await page.Locator(selector).First.BoundingBoxAsync();
        Assert.True(box is not null, $"{selector} is not rendered on {path}");
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"{selector} on {path} at {width}×{height} is outside the width ({box.X}..{box.X + box.Width})");
        if (!scrolled)
        {
            Assert.True(box.Y >= 0 && box.Y + box.Height <= height, $"{selector} on {path} at {width}×{height} is outside the height ({box.Y}..{box.Y + box.Height})");
        }
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        var folder = BrowserFixture.ScreenshotFolder ?? Path.Combine(Path.GetTempPath(), "radiostudio-layout");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), Animations = ScreenshotAnimations.Disabled });
    }
}
