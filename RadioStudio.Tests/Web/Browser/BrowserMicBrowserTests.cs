using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Audio.Devices;
using RadioStudio.Engine.Studio;
using RadioStudio.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RadioStudio.Tests.Web.Browser;

/// <summary>The host's browser microphone reaches the studio through the AudioWorklet and /audio/mic.</summary>
[Trait("Category", "E2E")]
public sealed class BrowserMicBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task MicToggle_StreamsTheBrowserMicrophoneIntoTheHostMic_AndStops()
    {
        var mic = fixture.Factory.Services.GetRequiredService<HostMicrophone>();
        var engine = fixture.Factory.Services.GetRequiredService<StudioEngine>();
        var host = await fixture.OpenAsync("/");
        var toggle = host.Locator("[data-testid=mic-toggle]");
        await Expect(toggle).ToHaveAttributeAsync("data-state", "off");
        var before = mic.Capture.Written;

        await toggle.ClickAsync();

        await Expect(toggle).ToHaveAttributeAsync("data-state", "on");
        await engine.WaitForAsync(s => s.Audio.HostMic == "browser");
        await Poll.AssertUntilAsync(() => mic.Capture.Written - before >= 48_000, "a second of microphone audio arrived at 48 kHz");

        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("data-state", "off");
        await engine.WaitForAsync(s => s.Audio.HostMic is null);
        await host.Context.CloseAsync();
    }
}
