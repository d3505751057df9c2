using Microsoft.Playwright;
using RadioStudio.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RadioStudio.Tests.Web.Browser;

/// <summary>The cart panel in a real browser against the real studio: hotkeys.js through to the SFX bus meter.</summary>
[Trait("Category", "E2E")]
public sealed class CartBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CartKey_PressedOnThePage_FiresTheBuiltInEffectOnTheSfxBus()
    {
        var host = await fixture.OpenAsync("/");
        var firstPad = host.Locator("[data-testid=cart-item][data-key='1']");
        await Expect(firstPad).ToHaveCountAsync(1);
        var sfx = host.Locator("[data-testid=meter][data-bus=sfx]");
        await Expect(sfx).ToHaveAttributeAsync("data-level", "-120");

        // A focused switch is not a text field: the key still reaches the cart.
        await host.Locator("[data-testid=music-ducking]").FocusAsync();
        await host.Keyboard.PressAsync("1");

        await Expect(sfx).Not.ToHaveAttributeAsync("data-level", "-120");
        await BrowserFixture.ScreenshotAsync(host, "host-cart");
        await host.Context.CloseAsync();
    }
}
