using Bunit;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Components.Pages;

namespace RadioStudio.Tests.Web.Pages;

public sealed class CallControlsTests : PageTestContext
{
    private static readonly DateTimeOffset T0 = FakeStudio.Initial().Now;
    private static readonly string[] QueueItemActions = ["take-call", "set-next", "hold-call", "drop-call"];

    [Fact]
    public async Task QueueItem_TakeNextDrop_SendTheirCommandsForThatLine()
    {
        var cut = RenderPage<HostConsole>();
        await Studio.PublishAsync(Studio.Current.OnAir(T0) with { Lines = [StateBuilders.Caller("7", T0), StateBuilders.Caller("8", T0)] });
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=queue-item]").Count));

        Item(cut, "7").QuerySelector("[data-testid=take-call]")!.Click();
        Item(cut, "8").QuerySelector("[data-testid=set-next]")!.Click();
        Item(cut, "8").QuerySelector("[data-testid=drop-call]")!.Click();

        cut.WaitForAssertion(() => Assert.Equal(["take:7", "next:8:True", "drop:8"], Studio.Commands));
    }

    [Fact]
    public async Task QueueItem_Ringing_CannotBeTakenYet_NextCallerCanGoBackToHold()
    {
        var cut = RenderPage<HostConsole>();
        await Studio.PublishAsync(Studio.Current.OnAir(T0) with
        {
            Lines = [StateBuilders.Caller("1", T0, LineStatus.Ringing), StateBuilders.Caller("2", T0, LineStatus.Next)],
        });

        cut.WaitForAssertion(() => Assert.True(Item(cut, "1").QuerySelector("[data-testid=take-call]")!.HasAttribute("disabled")));
        Assert.Equal("ringing", Item(cut, "1").GetAttribute("data-state"));
        Assert.All(cut.FindAll("[data-testid=queue-item]"), item =>
            Assert.All(QueueItemActions, id => Assert.NotNull(item.QuerySelector($"[data-testid={id}]"))));
        Assert.True(Item(cut, "1").QuerySelector("[data-testid=hold-call]")!.HasAttribute("disabled"), "holding is where a ringing caller goes anyway");
        Item(cut, "2").QuerySelector("[data-testid=hold-call]")!.Click();
        cut.WaitForAssertion(() => Assert.Equal(["next:2:False"], Studio.Commands));
    }

    [Fact]
    public async Task OnAirLine_HoldLockHangUpAndNextCaller_SendTheirCommands()
    {
        var cut = RenderPage<HostConsole>();
        await Studio.PublishAsync(Studio.Current.OnAir(T0) with
        {
            Lines = [StateBuilders.Caller("5", T0, LineStatus.OnAir, name: "Ann"), StateBuilders.Caller("6", T0)],
        });
        cut.WaitForAssertion(() => cut.Find("[data-testid=on-air-line]"));

        var line = cut.Find("[data-testid=on-air-line]");
        Assert.Equal(("5", "onair"), (line.GetAttribute("data-line-id"), line.GetAttribute("data-state")));
        line.QuerySelector("[data-testid=hold-call]")!.Click();
        cut.Find("[data-testid=on-air-line] [data-testid=lock-line]").Click();
        cut.Find("[data-testid=on-air-line] [data-testid=hangup-line]").Click();
        cut.Find("[data-testid=take-next]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["hold:5", "lock:5:True", "hangup:5", "take-next"], Studio.Commands));
    }

    [Fact]
    public async Task Header_TestCallAndBlockLines_WorkAndShowTheirState()
    {
        RenderPage<HostConsole>();

        Header.Find("[data-testid=simulate-call]").Click();
        Header.Find("[data-testid=block-all]").Click();
        Header.WaitForAssertion(() => Assert.Equal(1, TestCalls.Placed));
        Assert.Equal(["block-all:True"], Studio.Commands);

        await Studio.PublishAsync(Studio.Current with { BlockAll = true, Telephony = new TelephonyStatus(false, "+15550100000") });
        Header.WaitForAssertion(() => Assert.Equal("on", Header.Find("[data-testid=block-all]").GetAttribute("data-state")));
        Assert.Equal("+15550100000", Header.Find("[data-testid=phone-mode]").TextContent.Trim());
    }

    [Fact]
    public void TestCall_Refused_SaysWhy()
    {
        TestCalls.RefuseWith = "The show is off the air right now.";
        RenderPage<HostConsole>();

        Header.Find("[data-testid=simulate-call]").Click();

        Snackbars.WaitForAssertion(() => Assert.Contains("off the air right now", Snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Screener_ScreenNextMoveDrop_SendTheirCommandsAndNeverTakeToAir()
    {
        var cut = RenderPage<Screen>();
        await Studio.PublishAsync(Studio.Current with { Lines = [StateBuilders.Caller("3", T0), StateBuilders.Caller("4", T0, LineStatus.OnAir)] });
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=queue-item]")));

        cut.Find("[data-testid=screen-call]").Click();
        cut.Find("[data-testid=set-next]").Click();
        cut.Find("[data-testid=move-up]").Click();
        cut.Find("[data-testid=move-down]").Click();
        cut.Find("[data-testid=drop-call]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["screened:3:True", "next:3:True", "move:3:-1", "move:3:1", "drop:3"], Studio.Commands));
        Assert.Empty(cut.FindAll("[data-testid=take-call], [data-testid=hangup-line]"));
    }

    private static AngleSharp.Dom.IElement Item(IRenderedComponent<HostConsole> cut, string lineId) =>
        cut.FindAll("[data-testid=queue-item]").Single(e => e.GetAttribute("data-line-id") == lineId);
}
