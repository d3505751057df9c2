using Microsoft.Playwright;
using RadioStudio.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RadioStudio.Tests.Web.Browser;

/// <summary>The host types at speed into the line box: nothing is lost, nothing becomes a hotkey.</summary>
[Trait("Category", "E2E")]
public sealed class TypingBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // Every console key is in these lines: n (next caller), r (let them respond), t and / (focus), digits (cart),
    // space (push-to-talk), Shift+letter (cart).
    private static readonly string[] Lines =
    [
        "Line one: next caller in 10 minutes.",
        "Line two for the scroll test, right now.",
        "Three: press 1, 2 and 0 / never mind.",
        "Four - Norma, Tony and Ruth are next.",
        "Line five and the night runs on, 42 times.",
    ];

    [Fact]
    public async Task TypeFiveLines_ThirtyMsPerKeyWithEnterBetween_EveryCharacterReachesTheTranscript_NoHotkeyFires()
    {
        var host = await fixture.OpenAsync("/");
        var toggle = host.Locator("[data-testid=on-air-toggle]");
        if (await toggle.GetAttributeAsync("data-state") != "on")
        {
            await toggle.ClickAsync();
        }

        await Expect(toggle).ToHaveAttributeAsync("data-state", "on");
        await host.EvaluateAsync("() => { window.__hotkeys = []; document.addEventListener('radio-hotkey', e => window.__hotkeys.push(e.detail)); }");

        var box = host.Locator("[data-testid=host-text-input]");
        await box.ClickAsync();
        foreach (var line in Lines)
        {
            // Enter goes straight after the last key and the next line starts 30 ms later, as a fast typist does.
            await box.PressSequentiallyAsync(line + "\n", new() { Delay = 30 });
        }

        var transcript = host.Locator("[data-testid=transcript-entry][data-kind=host]");
        foreach (var line in Lines)
        {
            await Expect(transcript.Filter(new() { HasText = line })).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        }

        var texts = await transcript.AllTextContentsAsync();
        foreach (var line in Lines)
        {
            Assert.Contains(texts, t => t.Contains(line, StringComparison.Ordinal));
        }

        await Expect(box).ToHaveValueAsync("");
        await Expect(box).ToBeFocusedAsync();
        Assert.Empty(await host.EvaluateAsync<string[]>("() => window.__hotkeys"));
        await host.Context.CloseAsync();
    }

    [Fact]
    public async Task HotkeyLabels_OnLinux_SayAltNotTheMacOptionSign()
    {
        var host = await fixture.OpenAsync("/");

        await Expect(host.Locator("html")).ToHaveAttributeAsync("data-platform", "other");
        Assert.Equal("Alt+1", (await host.Locator("[data-testid=ai-hotkey]").First.InnerTextAsync()).Trim());
        await host.Context.CloseAsync();
    }
}
