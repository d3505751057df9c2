using System.Diagnostics;
using Microsoft.Playwright;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RadioStudio.Tests.Web.Hosting;

/// <summary>Ctrl+C (SIGTERM) in the middle of a show, against the real process.</summary>
[Trait("Category", "E2E")]
public sealed class ShutdownMidShowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Sigterm_WithAPhoneCallerOnAirAndAnAiTurnInFlight_ExitsCleanlyWithinThreeSeconds()
    {
        await using var openAi = await FakeOpenAiServer.StartAsync();

        // The AI's reply streams slowly, so the turn is still in flight when the signal comes.
        openAi.Chat = _ => FakeChatReply.Text("Well, it's a long story. It started last winter. I was driving home late.", TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
        using var data = new TempDirectory();
        await using var studio = await RunningStudio.StartAsync(
            new Dictionary<string, string>
            {
                ["Storage__Path"] = data.Path,
                ["Llm__Provider"] = "openai",
                ["Llm__Endpoint"] = openAi.BaseUrl,
                ["Llm__ApiKey"] = "fake-key",
                ["Llm__Model"] = "fake-dialogue",
                ["TextToSpeech__Provider"] = "openai",
                ["TextToSpeech__Endpoint"] = openAi.BaseUrl,
                ["TextToSpeech__ApiKey"] = "fake-key",
                ["AiCallers__RespondDebounceSeconds"] = "0",
                ["AiCallers__CooldownSeconds"] = "0",
            },
            TimeSpan.FromSeconds(120));

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var host = await context.NewPageAsync();
        try
        {
            await host.GotoAsync(studio.Url + "/");
        }
        catch (PlaywrightException error)
        {
            // Refused although the studio said it was listening: say whether the process is still there and what it printed.
            throw new InvalidOperationException(
                $"{error.Message}\nstudio {(studio.HasExited ? $"exited with code {studio.ExitCode}" : "still running")}:\n{studio.Output}", error);
        }

        await host.WaitForSelectorAsync("#circuit-state[data-interactive='true']", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        // Settings lists the audio devices (PortAudio probing ALSA): none of ALSA's probing may reach the console.
        var settings = await context.NewPageAsync();
        await settings.GotoAsync(studio.Url + "/settings");
        await settings.WaitForSelectorAsync("#circuit-state[data-interactive='true']", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await Expect(settings.Locator("[data-testid=device-select]")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        await settings.CloseAsync();

        var toggle = host.Locator("[data-testid=on-air-toggle]");
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("data-state", "on", new() { Timeout = 30_000 });

        // A phone caller (the studio's own simulator over the real Twilio protocol), taken to air.
        await host.Locator("[data-testid=simulate-call]").ClickAsync();
        await host.Locator("[data-testid=take-call]").First.ClickAsync(new() { Timeout = 30_000 });
        await Expect(host.Locator("[data-testid=on-air-line]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });

        // An AI caller on the line, asked to respond: the reply is streaming when SIGTERM arrives.
        var slot = host.Locator("[data-testid=ai-caller-slot][data-slot='1']");
        await Expect(slot).ToHaveAttributeAsync("data-status", "ready", new() { Timeout = 30_000 });
        await slot.ClickAsync();
        await host.Locator("[data-testid=let-them-respond]").ClickAsync();
        await Expect(host.Locator("[data-testid=ai-phase]")).Not.ToHaveAttributeAsync("data-phase", "listening", new() { Timeout = 30_000 });
        Assert.True(await Poll.UntilAsync(() => openAi.ChatStreamsOpen > 0, TimeSpan.FromSeconds(30)), "no AI turn in flight\n" + studio.Output);

        var clock = Stopwatch.StartNew();
        studio.Terminate();
        var exited = await studio.WaitForExitAsync(TimeSpan.FromSeconds(10));
        clock.Stop();
        await context.CloseAsync();

        Assert.True(exited, "still running 10 s after SIGTERM\n" + studio.Output);
        Assert.True(clock.Elapsed <= TimeSpan.FromSeconds(3), $"took {clock.Elapsed.TotalSeconds:F1} s\n" + studio.Output);
        Assert.True(studio.ExitCode == 0, $"exit code {studio.ExitCode}\n" + studio.Output);
        Assert.DoesNotContain("Unhandled exception", studio.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("TaskCanceledException", studio.Output, StringComparison.Ordinal);

        // One line per thing a host must know: no ALSA probing, no per-request HTTP logs, no diagnostics unasked.
        Assert.DoesNotContain("ALSA lib", studio.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Start processing HTTP request", studio.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("intervals (0.1 ms bin:count)", studio.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("W^X", studio.Output, StringComparison.Ordinal);

        var stems = Directory.GetFiles(data.Path, "*.wav", SearchOption.AllDirectories);
        Assert.NotEmpty(stems);
        foreach (var stem in stems)
        {
            var audio = WavReader.Read(stem);
            Assert.True(audio.Samples.Length > 0, stem);
        }
    }
}
