using RadioStudio.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RadioStudio.Tests.Web.Browser;

/// <summary>With no Twilio account: "Test call" rings a simulated caller into the queue on / and /screen, and the host takes them to air.</summary>
[Trait("Category", "E2E")]
public sealed class TestCallBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TestCall_RingsIntoTheQueue_HostTakesItOnAirAndHangsUp()
    {
        var host = await fixture.OpenAsync("/");
        var screen = await fixture.OpenAsync("/screen", 768, 1024);
        var toggle = host.Locator("[data-testid=on-air-toggle]");
        if (await toggle.GetAttributeAsync("data-state") != "on")
        {
            await toggle.ClickAsync();
        }

        await Expect(host.Locator("[data-testid=phone-mode]")).ToHaveTextAsync("LOCAL LINES");
        await host.Locator("[data-testid=simulate-call]").ClickAsync();

        var queued = host.Locator("[data-testid=queue-item][data-state=holding]");
        await Expect(queued).ToHaveCountAsync(1);
        await Expect(screen.Locator("[data-testid=queue-item]")).ToHaveCountAsync(1);
        var waitBefore = await screen.Locator("[data-testid=wait-timer]").TextContentAsync();
        await Expect(screen.Locator("[data-testid=wait-timer]")).Not.ToHaveTextAsync(waitBefore!);
        await BrowserFixture.ScreenshotAsync(screen, "screener-with-caller");
        await BrowserFixture.ScreenshotAsync(host, "host-console-queue");
        if (BrowserFixture.ScreenshotFolder is not null)
        {
            await host.SetViewportSizeAsync(768, 1024);
            await BrowserFixture.ScreenshotAsync(host, "host-console-tablet");
            await host.SetViewportSizeAsync(1366, 900);
        }

        await queued.Locator("[data-testid=take-call]").ClickAsync();
        var onAir = host.Locator("[data-testid=on-air-line]");
        await Expect(onAir).ToHaveCountAsync(1);
        await Expect(onAir).ToHaveAttributeAsync("data-state", "onair");
        await Expect(host.Locator("[data-testid=queue-item]")).ToHaveCountAsync(0);
        await Expect(screen.Locator("[data-testid=queue-item]")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(host, "host-console-on-air");

        await onAir.Locator("[data-testid=hangup-line]").ClickAsync();
        await Expect(host.Locator("[data-testid=on-air-line]")).ToHaveCountAsync(0);
        await host.Context.CloseAsync();
        await screen.Context.CloseAsync();
    }
}
