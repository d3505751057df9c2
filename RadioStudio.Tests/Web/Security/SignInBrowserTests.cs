using Microsoft.Playwright;
using RadioStudio.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RadioStudio.Tests.Web.Security;

/// <summary>A studio with a host and a screener configured.</summary>
public sealed class SignedInStudioFixture : BrowserFixture
{
    public SignedInStudioFixture()
        : base(new Dictionary<string, string?>
        {
            ["Auth:Users:alice:Role"] = "host",
            ["Auth:Users:alice:Password"] = "host-secret",
            ["Auth:Users:sam:Role"] = "screener",
            ["Auth:Users:sam:Password"] = "screen-secret",
        })
    {
    }
}

/// <summary>The login page in a real browser, the circuit under the security headers, and in-circuit navigation checked too.</summary>
[Trait("Category", "E2E")]
public sealed class SignInBrowserTests(SignedInStudioFixture fixture) : IClassFixture<SignedInStudioFixture>
{
    [Fact]
    public async Task Host_SignsIn_AndTheConsoleWorksUnderTheSecurityHeaders()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };

        await page.GotoAsync(fixture.BaseUrl + "/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await BrowserFixture.ScreenshotAsync(page, "login");
        await page.Locator("[data-testid=login-user]").FillAsync("alice");
        await page.Locator("[data-testid=login-password]").FillAsync("host-secret");
        await page.Locator("[data-testid=login-submit]").ClickAsync();

        await page.WaitForSelectorAsync("#circuit-state[data-interactive='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        var toggle = page.Locator("[data-testid=on-air-toggle]");
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("data-state", "on");
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));

        await page.Locator("[data-testid=sign-out]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task Screener_LandsOnScreen_AndCannotNavigateToTheConsoleInsideTheCircuit()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/login");
        await page.Locator("[data-testid=login-user]").FillAsync("sam");
        await page.Locator("[data-testid=login-password]").FillAsync("screen-secret");
        await page.Locator("[data-testid=login-submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/screen$"));
        await page.WaitForSelectorAsync("#circuit-state[data-interactive='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

        // The nav link is a client-side navigation: it never reaches the HTTP pipeline, so the page guard must refuse it.
        await page.Locator("nav.page-nav a[href='']").ClickAsync();
        await Expect(page.Locator("[data-testid=page-refused]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=on-air-toggle]")).ToHaveCountAsync(0);
        await context.CloseAsync();
    }
}
