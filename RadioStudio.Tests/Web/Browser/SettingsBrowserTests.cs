using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Studio;
using RadioStudio.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RadioStudio.Tests.Web.Browser;

/// <summary>/settings in a real browser: a channel edited and saved reaches the engine's routing table.</summary>
[Trait("Category", "E2E")]
public sealed class SettingsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task EditChannelAndSave_TheEngineRoutesMusicThere()
    {
        var engine = fixture.Factory.Services.GetRequiredService<StudioEngine>();
        var page = await fixture.OpenAsync("/settings");
        await Expect(page.Locator("[data-testid=route-preview]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=device-select]")).ToBeEnabledAsync();

        // MudBlazor puts the test id on the input itself or on its wrapper, depending on the component.
        var music = page.Locator("input[data-testid=route-music], [data-testid=route-music] input").First;
        await music.FillAsync("12");
        await music.BlurAsync();
        await page.Locator("[data-testid=routing-save]").ClickAsync();

        await engine.WaitForAsync(s => s.Routing.Music == 12);
        await Expect(page.Locator("[data-testid=routing-dirty]")).ToHaveAttributeAsync("data-state", "clean");
        await BrowserFixture.ScreenshotAsync(page, "settings");
        await page.Context.CloseAsync();
    }
}
