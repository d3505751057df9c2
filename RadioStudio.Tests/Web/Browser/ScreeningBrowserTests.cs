using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RadioStudio.Engine.Studio;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Telephony;
using static Microsoft.Playwright.Assertions;

namespace RadioStudio.Tests.Web.Browser;

/// <summary>A studio with the AI screener on and no providers at all (offline voice, offline recognition).</summary>
public sealed class ScreeningBrowserFixture() : BrowserFixture(new Dictionary<string, string?>
{
    ["Screening:Enabled"] = "true",
    ["Screening:AnswerWaitSeconds"] = "8",
    ["Audio:PhoneEventSounds"] = "false",
});

/// <summary>
/// A rehearsal with no phone: the console's test caller rings in, the AI screener talks to it, and the screener's
/// tablet shows the exchange as it happens — lines with times, each answer a playable clip — and the queue item's
/// <c>data-screening</c>; Take over stops the AI screener.
/// </summary>
[Trait("Category", "E2E")]
public sealed class ScreeningBrowserTests(ScreeningBrowserFixture fixture) : IClassFixture<ScreeningBrowserFixture>
{
    [Fact]
    public async Task TestCall_ScreenerCardShowsTheExchangeWithPlayableClips_TakeOverStopsTheAi()
    {
        var engine = fixture.Factory.Services.GetRequiredService<StudioEngine>();
        await engine.SetOnAirAsync(true);
        var screen = await fixture.OpenAsync("/screen", 1024, 768);

        var call = await fixture.Factory.Services.GetRequiredService<TestCallService>().PlaceAsync();

        Assert.Null(call.RefusedWith);
        var transcript = screen.Locator("[data-testid=screening-transcript]");
        await Expect(transcript).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(transcript.Locator("[data-testid=screening-line]").First).ToContainTextAsync("Thanks for calling");
        await Expect(transcript.Locator("[data-testid=screening-clip]")).ToHaveCountAsync(2, new() { Timeout = 90_000 });
        await BrowserFixture.ScreenshotAsync(screen, "screener-ai-screening");
        var src = await transcript.Locator("[data-testid=screening-clip]").First.GetAttributeAsync("src");
        var clip = await screen.APIRequest.GetAsync(fixture.BaseUrl + src);
        Assert.Equal(200, clip.Status);
        Assert.Equal("audio/wav", clip.Headers["content-type"]);

        var host = await fixture.OpenAsync("/");
        await Expect(host.Locator("[data-testid=queue-item][data-screening]").First).ToHaveAttributeAsync(
            "data-screening", new System.Text.RegularExpressions.Regex("^(screening|screened|incomplete)$"));
        await host.Context.CloseAsync();

        // A second caller: the screener presses Take over while the AI is still talking to them.
        var second = await fixture.Factory.Services.GetRequiredService<TestCallService>().PlaceAsync();
        var lineId = (await engine.WaitForAsync(s => s.Lines.Find(l => l.CallSid == second.CallSid)?.Screening is not null, TimeSpan.FromSeconds(30)))
            .Lines.Single(l => l.CallSid == second.CallSid).Id;
        var card = screen.Locator($"[data-testid=queue-item][data-line-id='{lineId}']");
        await card.Locator("[data-testid=screening-takeover]").ClickAsync();
        await Expect(card.Locator("[data-testid=screening-transcript]")).ToContainTextAsync("taken over by the screener");
        await Expect(card.Locator("[data-testid=screening-takeover]")).ToHaveCountAsync(0);
        var state = await engine.WaitForAsync(s => s.Lines.Find(l => l.Id == lineId)?.Screening?.TakenOver == true);
        var lines = state.Lines.Single(l => l.Id == lineId).Screening!.Lines.Count;
        var screening = fixture.Factory.Services.GetRequiredService<RadioStudio.Engine.Screening.ScreeningService>();
        await Poll.AssertUntilAsync(() => !screening.IsScreening(lineId), "the AI screener stopped for that caller");
        Assert.Equal(lines, engine.Current.Lines.Single(l => l.Id == lineId).Screening!.Lines.Count);

        await screen.Context.CloseAsync();
    }
}
