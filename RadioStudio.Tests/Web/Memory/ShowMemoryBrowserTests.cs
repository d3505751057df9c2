using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Callers;
using RadioStudio.Engine.Show;
using RadioStudio.Engine.Show.Memory;
using RadioStudio.Engine.Show.Turns;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RadioStudio.Tests.Web.Memory;

/// <summary>
/// Show memory end to end: real phone calls over the Twilio protocol, the real studio, Chromium on / and /screen:
/// follow-ups, the caller directory, blocked numbers, regulars on the next show's board, the panel after a restart.
/// </summary>
[Trait("Category", "E2E")]
public sealed class ShowMemoryBrowserTests(MemoryStudioFixture studio) : IClassFixture<MemoryStudioFixture>
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    private IAiDirector Ai => studio.Factory.Services.GetRequiredService<IAiDirector>();

    private async Task OnAirAsync()
    {
        await studio.Engine.SetOnAirAsync(true);
        await Ai.HangUpAsync();
        await studio.Engine.WaitForAsync(s => s.OnAir && s.Ai.ActiveSlot is null && s.FollowUp is null && s.AiCallers.All(a => a.Persona is not null), Long);
    }

    /// <summary>A caller rings, goes on air, and hangs up; returns the line id once the record is on the panel.</summary>
    private async Task<string> PhoneCallAsync(string number)
    {
        var (call, lineId) = await studio.CallInAsync(number);
        await studio.Engine.TakeCallAsync(lineId);
        await studio.Engine.WaitForAsync(s => s.Lines.Any(l => l.Id == lineId && l.IsOnAir));
        await call.HangUpAsync();
        await studio.Engine.WaitForAsync(s => s.ShowHistory.Any(r => r.Id == lineId), Long);
        await call.DisposeAsync();
        return lineId;
    }

    [Fact]
    public async Task AutoFollowUp_PhoneCallEnds_AnnouncedWithReasonThenOnTheLine()
    {
        await OnAirAsync();
        await studio.Engine.SetAutoFollowUpAsync(true);
        var host = await studio.OpenAsync("/");
        var seen = new System.Collections.Concurrent.ConcurrentQueue<FollowUpState>();
        using var watch = studio.Engine.Subscribe(s =>
        {
            if (s.FollowUp is { } f)
            {
                seen.Enqueue(f);
            }

            return Task.CompletedTask;
        }, TimeSpan.Zero);
        try
        {
            var lineId = await PhoneCallAsync("+14155550181");

            var coming = host.Locator("[data-testid=follow-up-coming]");
            await Expect(coming).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Poll.AssertUntilAsync(() => !seen.IsEmpty, "the follow-up was announced in the state");
            var announced = seen.First();
            Assert.Equal(lineId, announced.AfterRecordId);
            Assert.NotNull(announced.DueAt);
            Assert.StartsWith("Rule:", announced.Reason, StringComparison.Ordinal);
            Assert.Equal(announced.Name, studio.Engine.Current.AiCallers[announced.Slot - 1].Name);
            await Expect(coming).ToContainTextAsync(announced.Name);
            await Expect(coming).ToContainTextAsync(announced.Reason);
            await BrowserFixture.ScreenshotAsync(host, "follow-up-announcement");
            var onLine = await studio.Engine.WaitForAsync(s => s.Ai.ActiveSlot is not null, Long);
            var slot = onLine.Ai.ActiveSlot!.Value;
            Assert.Equal(announced.Slot, slot);
            await Expect(coming).ToHaveCountAsync(0);
            await Expect(host.Locator($"[data-testid=ai-caller-slot][data-slot='{slot}']")).ToHaveAttributeAsync("data-status", "listening");
        }
        finally
        {
            await studio.Engine.SetAutoFollowUpAsync(false);
            await Ai.HangUpAsync();
            await host.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task AutoFollowUp_HostTakesAnotherAiCaller_AnnouncementIsCancelledAndNobodyReplacesThem()
    {
        await OnAirAsync();
        await studio.Engine.SetAutoFollowUpAsync(true);
        try
        {
            await PhoneCallAsync("+14155550183");
            var announced = (await studio.Engine.WaitForAsync(s => s.FollowUp is not null, Long)).FollowUp!;
            var other = announced.Slot == 1 ? 2 : 1;

            await Ai.CallAsync(other);

            await studio.Engine.WaitForAsync(s => s.FollowUp is null, Long);
            var later = await studio.Engine.WaitForAsync(s => s.Now > announced.DueAt!.Value.AddSeconds(2), Long);
            Assert.Equal(other, later.Ai.ActiveSlot);
        }
        finally
        {
            await studio.Engine.SetAutoFollowUpAsync(false);
            await Ai.HangUpAsync();
        }
    }

    [Fact]
    public async Task FollowUpNow_Skip_CancelsTheAnnouncementAndNobodyGoesOn()
    {
        await OnAirAsync();
        await studio.Engine.SetAutoFollowUpAsync(false);
        await PhoneCallAsync("+14155550182");
        var host = await studio.OpenAsync("/");
        try
        {
            await Expect(host.Locator("[data-testid=follow-up-now]")).ToBeEnabledAsync(new() { Timeout = 30_000 });
            await host.Locator("[data-testid=follow-up-now]").ClickAsync();
            var coming = host.Locator("[data-testid=follow-up-coming]");
            await Expect(coming).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var announced = studio.Engine.Current.FollowUp!;
            await Expect(coming).ToContainTextAsync(announced.Name);
            Assert.Null(announced.DueAt);

            await host.Locator("[data-testid=follow-up-skip]").ClickAsync();

            await Expect(coming).ToHaveCountAsync(0);
            await Expect(host.Locator("[data-testid=follow-up-now]")).ToBeVisibleAsync();
            Assert.Null(studio.Engine.Current.FollowUp);
            Assert.Null(studio.Engine.Current.Ai.ActiveSlot);
        }
        finally
        {
            await host.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task SameNumberCallsTwice_HistoryAndSavedNameShowOnHostAndScreener()
    {
        await OnAirAsync();
        const string number = "+14155550190";
        var (first, firstLine) = await studio.CallInAsync(number);
        await studio.Engine.UpdateCallerDetailsAsync(firstLine, "Rosa", null, "Calls about her garden");
        var directory = studio.Factory.Services.GetRequiredService<ICallerDirectory>();
        var deadline = DateTime.UtcNow + Long;
        while ((await directory.LookupAsync(number)).Notes != "Calls about her garden")
        {
            Assert.True(DateTime.UtcNow < deadline, "the screener's name and notes were remembered for the number");
            await Task.Delay(50);
        }

        await studio.Engine.DropCallAsync(firstLine);
        await first.DisposeAsync();

        var host = await studio.OpenAsync("/");
        var screen = await studio.OpenAsync("/screen", width: 768, height: 1024);
        var (second, secondLine) = await studio.CallInAsync(number);
        try
        {
            var hostCard = host.Locator($"[data-testid=queue-item][data-line-id='{secondLine}']");
            await Expect(hostCard.Locator("[data-testid=caller-history]")).ToContainTextAsync("Called once before");
            await Expect(hostCard.Locator("[data-testid=caller-history]")).ToContainTextAsync("Calls about her garden");
            var screenCard = screen.Locator($"[data-testid=queue-item][data-line-id='{secondLine}']");
            await Expect(screenCard.Locator("[data-testid=caller-history]")).ToContainTextAsync("Called once before");
            await Expect(screenCard.Locator("input[data-testid=caller-name]")).ToHaveValueAsync("Rosa");
            await Expect(hostCard.Locator(".caller-name")).ToHaveTextAsync("Rosa");
            await BrowserFixture.ScreenshotAsync(screen, "screener-caller-history");
        }
        finally
        {
            await second.HangUpAsync();
            await second.DisposeAsync();
            await host.Context.CloseAsync();
            await screen.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task BlockedNumber_Rings_HearsBusyAndNeverQueues()
    {
        await OnAirAsync();
        const string number = "+14155550199";
        await studio.Memory.SetCallerFlagsAsync(number, vip: false, blocked: true);

        var call = await studio.Simulator.PlaceCallAsync(studio.Caller(number));

        Assert.NotNull(call.RefusedWith);
        Assert.Contains("lines are closed", call.RefusedWith, StringComparison.Ordinal);
        Assert.True(call.Answer!.HangsUp);
        Assert.DoesNotContain(studio.Engine.Current.Lines, l => l.Number == number);
        await call.DisposeAsync();

        // The directory page lists the number as blocked; unblocking it there lets it ring in again.
        var callers = await studio.OpenAsync("/callers");
        try
        {
            await callers.Locator("input[data-testid=callers-search]").FillAsync("550199");
            var row = callers.Locator($"[data-testid=caller-row][data-number='{number}']");
            await Expect(row).ToHaveCountAsync(1);
            await Expect(callers.Locator("[data-testid=caller-row]")).ToHaveCountAsync(1);
            await Expect(row.Locator("[data-testid=caller-history]")).ToContainTextAsync("BLOCKED");
            await row.Locator("[data-testid=flag-blocked]").ClickAsync();
            await Expect(row.Locator("[data-testid=flag-blocked]")).ToHaveTextAsync("Block");
        }
        finally
        {
            await callers.Context.CloseAsync();
        }

        Assert.False(studio.Factory.Services.GetRequiredService<ICallerDirectory>().IsBlocked(number));
        var (again, lineId) = await studio.CallInAsync(number);
        Assert.Contains(studio.Engine.Current.Lines, l => l.Id == lineId);
        await again.HangUpAsync();
        await again.DisposeAsync();
    }

    [Fact]
    public async Task MakeRegular_NextShow_RegularOnTheBoardWithStarAndHistoryInPrompt()
    {
        await OnAirAsync();
        var slot = studio.Engine.Current.AiCallers[0];
        var name = slot.Name!;
        await Ai.CallAsync(1);
        await Ai.HangUpAsync();
        var record = (await studio.Engine.WaitForAsync(s => s.ShowHistory.Any(r => r.Name == name && !r.SummaryPending), Long)).ShowHistory.Last(r => r.Name == name);
        var host = await studio.OpenAsync("/");
        try
        {
            await host.Locator($"[data-testid=history-entry][data-record-id='{record.Id}'] [data-testid=make-regular]").ClickAsync();
            await studio.Engine.WaitForAsync(s => s.ShowHistory.Any(r => r.Id == record.Id && r.RegularId is not null), Long);

            await studio.Engine.SetOnAirAsync(false);
            await studio.Engine.SetOnAirAsync(true);
            var board = await studio.Engine.WaitForAsync(s => s.AiCallers.Any(a => a.IsRegular && a.Name == name), Long);

            var regular = board.AiCallers.Single(a => a.Name == name);
            Assert.Contains(record.Summary!, Assert.Single(regular.Persona!.PastCalls), StringComparison.Ordinal);
            var prompt = CallerPromptBuilder.SystemPrompt(new CallerPromptContext(regular.Persona, "Night Line", "Sam", [], null, [], []));
            Assert.Contains("YOU HAVE CALLED THE SHOW BEFORE", prompt, StringComparison.Ordinal);
            Assert.Contains(record.Summary!, prompt, StringComparison.Ordinal);
            Assert.Single(board.AiCallers, a => a.Name == name);

            var star = host.Locator($"[data-testid=ai-caller-slot][data-slot='{regular.Slot}']");
            await Expect(star).ToHaveAttributeAsync("data-regular", "true");
            await Expect(star.Locator(".regular")).ToHaveTextAsync("★");
            await BrowserFixture.ScreenshotAsync(host, "regular-on-board");
        }
        finally
        {
            await host.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ShowSoFar_AfterRestart_PanelListsTheEarlierCallsOnHostAndCoHost()
    {
        using var folder = new TempDirectory();
        string name;
        await using (var first = new StudioWebFactory(null, folder.Path))
        {
            first.StartKestrel();
            var engine = first.Services.GetRequiredService<RadioStudio.Engine.Studio.StudioEngine>();
            await engine.SetOnAirAsync(true);
            await engine.WaitForAsync(s => s.AiCallers.All(a => a.Persona is not null), Long);
            name = engine.Current.AiCallers[1].Name!;
            var ai = first.Services.GetRequiredService<IAiDirector>();
            await ai.CallAsync(2);
            await engine.AddTranscriptEntryAsync(name, PartyKind.Ai, "My neighbour's rooster crows at three in the morning.");
            await ai.HangUpAsync();
            await engine.WaitForAsync(s => s.ShowHistory.Any(r => r.Name == name && !r.SummaryPending), Long);
        }

        await using var restarted = new StudioWebFactory(null, folder.Path);
        var baseUrl = restarted.StartKestrel();
        var host = await studio.OpenAsync("/", baseUrl);
        var cohost = await studio.OpenAsync("/transcript", baseUrl);
        try
        {
            foreach (var page in new[] { host, cohost })
            {
                var entry = page.Locator("[data-testid=show-history] [data-testid=history-entry][data-kind=ai]");
                await Expect(entry).ToHaveCountAsync(1);
                await Expect(entry).ToContainTextAsync(name);
                await Expect(entry).ToContainTextAsync("rooster crows at three in the morning");
            }

            // The persona of a call from before the restart is gone: it can no longer be made a regular.
            await Expect(host.Locator("[data-testid=make-regular]")).ToHaveCountAsync(0);
            await BrowserFixture.ScreenshotAsync(host, "show-so-far-panel");
        }
        finally
        {
            await host.Context.CloseAsync();
            await cohost.Context.CloseAsync();
        }
    }
}
