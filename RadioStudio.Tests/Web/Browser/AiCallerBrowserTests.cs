using Microsoft.Playwright;
using RadioStudio.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RadioStudio.Tests.Web.Browser;

/// <summary>An AI caller in a real browser with the offline providers: picked, spoken to, answering into the transcript.</summary>
[Trait("Category", "E2E")]
public sealed class AiCallerBrowserTests(OfflineAiBrowserFixture fixture) : IClassFixture<OfflineAiBrowserFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Slow = new() { Timeout = 60_000 };

    [Fact]
    public async Task PickSlotTypeAndLetThemRespond_TheReplyReachesTheTranscriptPage()
    {
        var host = await fixture.OpenAsync("/");
        var transcript = await fixture.OpenAsync("/transcript");
        var toggle = host.Locator("[data-testid=on-air-toggle]");
        if (await toggle.GetAttributeAsync("data-state") != "on")
        {
            await toggle.ClickAsync();
        }

        await Expect(toggle).ToHaveAttributeAsync("data-state", "on");
        var slot = host.Locator("[data-testid=ai-caller-slot][data-slot='1']");
        await Expect(slot).ToHaveAttributeAsync("data-status", "ready");
        var name = (await slot.Locator(".ai-name").TextContentAsync())!.Trim();
        await slot.ClickAsync();
        await Expect(host.Locator("[data-testid=ai-phase]")).ToHaveAttributeAsync("data-phase", "listening");
        await Expect(slot).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bactive\b"));

        const string line = "You're on the air, caller. What's keeping you up tonight?";
        var input = host.Locator("input[data-testid=host-text-input], [data-testid=host-text-input] input").First;
        await input.FillAsync(line);
        // The Send button enables once the circuit has the text; Enter before that can submit an empty line.
        await Expect(host.Locator("[data-testid=host-text-send]")).ToBeEnabledAsync();
        await input.PressAsync("Enter");
        await Expect(transcript.Locator("[data-testid=transcript-entry][data-kind=host]", new() { HasText = line })).ToHaveCountAsync(1);

        await host.Locator("[data-testid=let-them-respond]").ClickAsync();

        var reply = transcript.Locator("[data-testid=transcript-entry][data-kind=ai]").First;
        await Expect(reply).ToHaveAttributeAsync("data-speaker", name, Slow);
        await Expect(reply).ToContainTextAsync(name);
        Assert.False(string.IsNullOrWhiteSpace(await reply.TextContentAsync()));
        await Expect(host.Locator("[data-testid=ai-phase]")).ToHaveAttributeAsync("data-phase", "listening", Slow);
        await Expect(host.Locator("[data-testid=ai-phase]")).ToHaveTextAsync("listening");
        await Expect(host.Locator("[data-testid=ai-latency]")).ToContainTextAsync("to air");
        await Expect(host.Locator("[data-testid=ai-llm-label]")).ToHaveTextAsync("offline script");

        await BrowserFixture.ScreenshotAsync(host, "host-console-ai-caller");
        await BrowserFixture.ScreenshotAsync(transcript, "cohost-transcript-ai-caller");
        await host.Locator("[data-testid=ai-hangup]").ClickAsync();
        await Expect(host.Locator("[data-testid=ai-phase]")).ToHaveAttributeAsync("data-phase", "idle");
        await host.Context.CloseAsync();
        await transcript.Context.CloseAsync();
    }

    [Fact]
    public async Task SettingsAiProviders_ShowsTheOfflineProvidersAndRefusesABadEndpoint()
    {
        var page = await fixture.OpenAsync("/settings");
        var section = page.Locator("[data-testid=ai-providers]");
        await section.ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator("[data-testid=ai-llm-provider]")).ToHaveValueAsync("offline");
        await Expect(page.Locator("[data-testid=ai-stt-provider]")).ToHaveValueAsync("offline");
        await Expect(page.Locator("[data-testid=ai-tts-provider]")).ToHaveValueAsync("offline");
        await Expect(page.Locator("[data-testid=ai-llm-in-force]")).ToHaveTextAsync("offline script");
        await Expect(page.Locator("[data-testid=ai-llm-key]")).ToHaveAttributeAsync("data-state", "missing");
        await BrowserFixture.ScreenshotAsync(page, "settings-ai-providers");

        await page.Locator("[data-testid=ai-llm-provider]").SelectOptionAsync("openai");
        await page.Locator("[data-testid=ai-llm-endpoint]").FillAsync("localhost:11434");
        await page.Locator("[data-testid=ai-llm-model]").FillAsync("llama3.2");
        await page.Locator("[data-testid=ai-llm-model]").BlurAsync();
        await page.Locator("[data-testid=ai-providers-save]").ClickAsync();

        await Expect(page.Locator("[data-testid=ai-providers-problem]")).ToContainTextAsync("the endpoint is an http(s) URL");
        await Expect(page.Locator("[data-testid=ai-llm-in-force]")).ToHaveTextAsync("offline script");
        await BrowserFixture.ScreenshotAsync(page, "settings-ai-providers-refused");
        await page.Context.CloseAsync();
    }
}
