using System.Collections.Immutable;
using Bunit;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Components.Host;

namespace RadioStudio.Tests.Web.Host;

public sealed class AiCallerBoardTests : PageTestContext
{
    private readonly List<string> _calls = [];

    private static ImmutableList<AiCallerState> Board() =>
        [.. Enumerable.Range(1, 10).Select(i => i == 7
            ? new AiCallerState(i, null, null, AiCallerStatus.Empty, false)
            : new AiCallerState(i, $"Caller {i}", $"{20 + i}, night nurse, Leeds", AiCallerStatus.Ready, i == 2))];

    [Fact]
    public void Render_TenSlots_NumberedWithNameAndStatus()
    {
        var cut = RenderBoard(AiStatus.Initial);

        var slots = cut.FindAll("[data-testid=ai-caller-slot]");
        Assert.Equal(10, slots.Count);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), slots.Select(s => s.GetAttribute("data-slot")));
        Assert.Contains("Caller 3", slots[2].TextContent, StringComparison.Ordinal);
        Assert.Equal("ready", slots[2].GetAttribute("data-status"));
        Assert.Equal("empty", slots[6].GetAttribute("data-status"));
        var key = slots[9].QuerySelector("[data-testid=ai-hotkey]")!;
        Assert.Equal("Alt+", key.QuerySelector(".key-alt")!.TextContent);
        Assert.Equal("⌥", key.QuerySelector(".key-option")!.TextContent); // shown instead of Alt+ only on a Mac (CSS)
        Assert.EndsWith("0", key.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ClickSlot_CallsThatSlot_EmptySlotsDoNothing()
    {
        var cut = RenderBoard(AiStatus.Initial);

        cut.Find("[data-testid=ai-caller-slot][data-slot='4']").Click();
        cut.Find("[data-testid=ai-caller-slot][data-slot='7']").Click();
        cut.Find("[data-testid=ai-caller-slot][data-slot='10']").Click();

        Assert.Equal(["call:4", "call:10"], _calls);
    }

    [Fact]
    public void PushToTalk_PointerDownThenUp_AsksForHeldThenReleased()
    {
        var cut = RenderBoard(AiStatus.Initial with { ActiveSlot = 1, Phase = AiPhase.Listening });

        cut.Find("[data-testid=push-to-talk]").PointerDown();
        Assert.Equal(["ptt:True"], _calls);
        Assert.Equal("up", cut.Find("[data-testid=push-to-talk]").GetAttribute("data-state"));

        // The engine pushes the held state back; only then does letting go mean "released".
        cut.Render(p => p.Add(b => b.Ai, AiStatus.Initial with { ActiveSlot = 1, Phase = AiPhase.Listening, PushToTalk = true }));
        Assert.Equal("held", cut.Find("[data-testid=push-to-talk]").GetAttribute("data-state"));
        cut.Find("[data-testid=push-to-talk]").PointerUp();

        Assert.Equal(["ptt:True", "ptt:False"], _calls);
    }

    [Fact]
    public void PushToTalk_PointerUpWhileNotHeld_SendsNothing()
    {
        var cut = RenderBoard(AiStatus.Initial);

        cut.Find("[data-testid=push-to-talk]").PointerUp();

        Assert.Empty(_calls);
    }

    [Fact]
    public void NoActiveSlot_RespondAndHangUpAreDisabled()
    {
        var cut = RenderBoard(AiStatus.Initial);

        Assert.True(cut.Find("[data-testid=let-them-respond]").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid=ai-hangup]").HasAttribute("disabled"));
        Assert.Equal("no AI caller on the line", cut.Find("[data-testid=ai-phase]").TextContent);
    }

    [Fact]
    public void ActiveSlotListening_RespondAndHangUpReachTheirCallbacks()
    {
        var cut = RenderBoard(AiStatus.Initial with { ActiveSlot = 3, Phase = AiPhase.Listening });

        Assert.Contains("active", cut.Find("[data-testid=ai-caller-slot][data-slot='3']").ClassName, StringComparison.Ordinal);
        Assert.Equal("listening", cut.Find("[data-testid=ai-phase]").TextContent);
        cut.Find("[data-testid=let-them-respond]").Click();
        cut.Find("[data-testid=ai-hangup]").Click();

        Assert.Equal(["respond", "hangup"], _calls);
    }

    [Theory]
    [InlineData(AiPhase.Thinking, "thinking…")]
    [InlineData(AiPhase.Speaking, "speaking")]
    public void ActiveSlotBusy_RespondIsDisabledHangUpIsNot(AiPhase phase, string text)
    {
        var cut = RenderBoard(AiStatus.Initial with { ActiveSlot = 3, Phase = phase });

        Assert.True(cut.Find("[data-testid=let-them-respond]").HasAttribute("disabled"));
        Assert.False(cut.Find("[data-testid=ai-hangup]").HasAttribute("disabled"));
        Assert.Equal(text, cut.Find("[data-testid=ai-phase]").TextContent);
        Assert.Equal(phase.ToString().ToLowerInvariant(), cut.Find("[data-testid=ai-phase]").GetAttribute("data-phase"));
    }

    [Fact]
    public void OfflineScript_IsLabelledAsSuch_AModelShowsItsName()
    {
        var offline = RenderBoard(AiStatus.Initial with { OfflineScript = true });
        Assert.Equal("offline script", offline.Find("[data-testid=ai-llm-label]").TextContent.Trim());

        offline.Render(p => p.Add(b => b.Ai, AiStatus.Initial with { OfflineScript = false, Llm = "openai · gpt-4o-mini" }));

        Assert.Equal("openai · gpt-4o-mini", offline.Find("[data-testid=ai-llm-label]").TextContent.Trim());
    }

    [Fact]
    public void LastTurn_LatencyLineShowsItsTimings_NoneBeforeTheFirstTurn()
    {
        var cut = RenderBoard(AiStatus.Initial with { ActiveSlot = 1, Phase = AiPhase.Listening });
        Assert.Empty(cut.FindAll("[data-testid=ai-latency]"));

        var turn = new TurnLatency("typed", null, TimeSpan.FromMilliseconds(320), TimeSpan.FromMilliseconds(610), TimeSpan.FromMilliseconds(790), TimeSpan.FromMilliseconds(850), "spoken");
        cut.Render(p => p.Add(b => b.Ai, AiStatus.Initial with { ActiveSlot = 1, Phase = AiPhase.Listening, LastTurn = turn }));

        var latency = cut.Find("[data-testid=ai-latency]").TextContent;
        Assert.Contains("Last turn: 850 ms to air", latency, StringComparison.Ordinal);
        Assert.Contains("LLM 320 ms", latency, StringComparison.Ordinal);
        Assert.Contains("TTS 790 ms", latency, StringComparison.Ordinal);
        Assert.DoesNotContain("STT", latency, StringComparison.Ordinal);
        Assert.Contains("spoken", latency, StringComparison.Ordinal);
    }

    private IRenderedComponent<AiCallerBoard> RenderBoard(AiStatus ai)
    {
        Context.Render<MudBlazor.MudPopoverProvider>();
        return Context.Render<AiCallerBoard>(p => p
            .Add(b => b.Slots, Board())
            .Add(b => b.Ai, ai)
            .Add(b => b.Call, (int slot) => _calls.Add($"call:{slot}"))
            .Add(b => b.PushToTalk, (bool held) => _calls.Add($"ptt:{held}"))
            .Add(b => b.LetThemRespond, () => _calls.Add("respond"))
            .Add(b => b.HangUp, () => _calls.Add("hangup")));
    }
}
