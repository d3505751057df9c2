using Bunit;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Components.Pages;

namespace RadioStudio.Tests.Web.Pages;

public sealed class HostConsoleTests : PageTestContext
{
    private static readonly DateTimeOffset T0 = FakeStudio.Initial().Now;

    [Fact]
    public void Render_OffAir_ShowsOffToggleZeroClockAndTenSlots()
    {
        var cut = RenderPage<HostConsole>();

        Assert.Equal("off", Header.Find("[data-testid=on-air-toggle]").GetAttribute("data-state"));
        Assert.Equal("00:00:00", Header.Find("[data-testid=show-clock]").TextContent);
        Assert.Equal(10, cut.FindAll("[data-testid=ai-caller-slot]").Count);
        Assert.Equal("manual", cut.Find("[data-testid=respond-mode]").GetAttribute("data-mode"));
        Assert.True(cut.Find("[data-testid=host-text-input]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Publish_OnAirThenClockTicks_ToggleAndClockFollowThePush()
    {
        var cut = RenderPage<HostConsole>();

        await Studio.PublishAsync(Studio.Current.OnAir(T0));
        await Studio.PublishAsync(Studio.Current with { Now = T0.AddSeconds(65) });

        Header.WaitForAssertion(() =>
        {
            Assert.Equal("on", Header.Find("[data-testid=on-air-toggle]").GetAttribute("data-state"));
            Assert.Equal("00:01:05", Header.Find("[data-testid=show-clock]").TextContent);
        });
        Assert.False(cut.Find("[data-testid=host-text-input]").HasAttribute("disabled"));
    }

    [Fact]
    public void ClickToggle_OffAir_AsksTheEngineToGoOnAir()
    {
        RenderPage<HostConsole>();

        Header.Find("[data-testid=on-air-toggle]").Click();

        Assert.Equal(["on-air:True"], Studio.Commands);
    }

    [Fact]
    public async Task ClickToggle_OnAir_ConfirmsBeforeEndingTheShow()
    {
        RenderPage<HostConsole>();
        await Studio.PublishAsync(Studio.Current.OnAir(T0));

        // The click handler waits for the dialog's answer, so start it, answer, then let it finish.
        var click = Header.Find("[data-testid=on-air-toggle]").ClickAsync(new());
        Dialogs.WaitForAssertion(() => Assert.Contains("Go off air?", Dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(Studio.Commands);

        Dialogs.FindAll("button").Single(b => b.TextContent.Contains("End show", StringComparison.Ordinal)).Click();
        await click.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["on-air:False"], Studio.Commands);
    }

    [Fact]
    public async Task SendHostLine_OnAir_SendsTheLineAndClearsTheBox()
    {
        var cut = RenderPage<HostConsole>();
        await Studio.PublishAsync(Studio.Current.OnAir(T0));

        cut.Find("[data-testid=host-text-input]").Input("  Caller, you're on the air.  ");
        cut.Find("form.host-line").Submit();

        cut.WaitForAssertion(() => Assert.Equal(["host-line:Caller, you're on the air."], Studio.Commands));
        Assert.Equal("", cut.Find("[data-testid=host-text-input]").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task SendHostLine_Refused_KeepsTheTextAndSaysWhy()
    {
        var cut = RenderPage<HostConsole>();
        await Studio.PublishAsync(Studio.Current.OnAir(T0));
        Studio.RefuseWith = "The studio is off air: go ON AIR to start the show's transcript.";

        cut.Find("[data-testid=host-text-input]").Input("hello");
        cut.Find("form.host-line").Submit();

        Snackbars.WaitForAssertion(() => Assert.Contains("go ON AIR", Snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_TranscriptQueueAndLog_RenderWithTheirTestIds()
    {
        var cut = RenderPage<HostConsole>();
        var state = Studio.Current.OnAir(T0).WithEntries(("Host", PartyKind.Host, "Evening."), ("Ann", PartyKind.Phone, "Hi!"), ("Marvin", PartyKind.Ai, "Long-time listener."))
            with
            {
                Now = T0.AddSeconds(75),
                Lines = [StateBuilders.Caller("1", T0, name: "Ann", status: LineStatus.OnAir), StateBuilders.Caller("2", T0.AddSeconds(10), topic: "Parking tickets")],
                EventLog = [new StudioLogEntry(1, T0, Microsoft.Extensions.Logging.LogLevel.Information, "StudioEngine", "ON AIR: show started")],
            };

        await Studio.PublishAsync(state);

        cut.WaitForAssertion(() =>
        {
            var entries = cut.FindAll("[data-testid=transcript-entry]");
            Assert.Equal(["host", "phone", "ai"], entries.Select(e => e.GetAttribute("data-kind")));
            Assert.Equal(["Host", "Ann", "Marvin"], entries.Select(e => e.GetAttribute("data-speaker")));
            var queued = Assert.Single(cut.FindAll("[data-testid=queue-item]"));
            Assert.Equal("2", queued.GetAttribute("data-line-id"));
            Assert.Equal("1:05", queued.QuerySelector("[data-testid=wait-timer]")!.TextContent);
            Assert.Contains("Parking tickets", queued.TextContent, StringComparison.Ordinal);
            var onAir = Assert.Single(cut.FindAll("[data-testid=on-air-line]"));
            Assert.Equal("onair", onAir.GetAttribute("data-state"));
            Assert.Contains("ON AIR: show started", cut.Find("[data-testid=event-log]").TextContent, StringComparison.Ordinal);
        });

        await Studio.PublishAsync(Studio.Current with { Now = T0.AddSeconds(76) });
        cut.WaitForAssertion(() => Assert.Equal("1:06", cut.Find("[data-testid=queue-item] [data-testid=wait-timer]").TextContent));
    }

    [Fact]
    public void ClickAuto_AsksForAutoRespondMode()
    {
        var cut = RenderPage<HostConsole>();

        cut.Find("[data-testid=respond-mode]").QuerySelectorAll("button, .mud-toggle-item").Single(b => b.TextContent.Contains("Auto", StringComparison.Ordinal)).Click();

        Assert.Equal(["respond-mode:Auto"], Studio.Commands);
    }

    [Fact]
    public async Task DisposePage_Unsubscribes()
    {
        RenderPage<HostConsole>();
        Assert.Equal(1, Studio.SubscriberCount);

        await Context.DisposeComponentsAsync();

        Assert.Equal(0, Studio.SubscriberCount);
    }
}
