using System.Collections.Immutable;
using Bunit;
using RadioStudio.Engine.Callers;
using RadioStudio.Engine.Show.Memory;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Components.Pages;

namespace RadioStudio.Tests.Web.Memory;

/// <summary>The show so far, the follow-up announcement and the caller history on the pages (bunit, pushed state).</summary>
public sealed class ShowMemoryPanelTests : PageTestContext
{
    private static readonly DateTimeOffset T0 = FakeStudio.Initial().Now;

    private static CallRecord Record(string id, PartyKind kind, string name, int from, int to, string? summary, SummarySource? source = SummarySource.Llm) =>
        new(id, "show-1", kind, name, kind == PartyKind.Phone ? "+14155550100" : null, T0.AddSeconds(from), T0.AddSeconds(to),
            TimeSpan.FromSeconds(from), TimeSpan.FromSeconds(to), "hung up by the host", null, null, summary, summary is null ? null : source, null);

    [Fact]
    public async Task Publish_History_HostConsoleListsCallsInOrderWithTimesKindAndSummary()
    {
        var cut = RenderPage<HostConsole>();
        await Studio.PublishAsync(Studio.Current.OnAir(T0) with
        {
            ShowHistory =
            [
                Record("L1", PartyKind.Phone, "Dana", 65, 190, "Dana talked about night shifts."),
                Record("A1", PartyKind.Ai, "Walter", 200, 321, null),
            ],
        });

        cut.WaitForAssertion(() =>
        {
            var entries = cut.FindAll("[data-testid=show-history] [data-testid=history-entry]");
            Assert.Equal(2, entries.Count);
            Assert.Equal("phone", entries[0].GetAttribute("data-kind"));
            Assert.Contains("01:05–03:10", entries[0].TextContent, StringComparison.Ordinal);
            Assert.Contains("Dana talked about night shifts.", entries[0].TextContent, StringComparison.Ordinal);
            Assert.Contains("real", entries[0].TextContent, StringComparison.Ordinal);
            Assert.Equal("ai", entries[1].GetAttribute("data-kind"));
            Assert.Contains("03:20–05:21", entries[1].TextContent, StringComparison.Ordinal);
            Assert.Contains(ShowHistory.PendingText, entries[1].TextContent, StringComparison.Ordinal);
        });

        cut.Find("[data-testid=history-entry][data-kind=ai] [data-testid=make-regular]").Click();
        cut.WaitForAssertion(() => Assert.Contains("regular A1", Memory.Calls));
    }

    [Fact]
    public async Task Publish_History_CoHostShowsThePanelWithoutActions()
    {
        var cut = RenderPage<CoHost>();
        await Studio.PublishAsync(Studio.Current.OnAir(T0) with
        {
            ShowHistory = [Record("L1", PartyKind.Phone, "Dana", 5, 60, "Dana: \"Night shifts are hard.\"", SummarySource.Extractive)],
        });

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=history-entry][data-kind=phone]")));
        Assert.Contains("(extract)", cut.Find("[data-testid=history-entry]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=make-regular]"));
    }

    [Fact]
    public async Task Publish_FollowUp_AnnouncesNameAndReasonWithPutOnAndSkip()
    {
        var cut = RenderPage<HostConsole>();
        await Studio.PublishAsync(Studio.Current.OnAir(T0) with
        {
            FollowUp = new FollowUpState(3, "Walter", "Rule: same topic as Dana (shifts)", "L1", "Dana", T0.AddSeconds(8)),
        });

        cut.WaitForAssertion(() =>
        {
            var coming = cut.Find("[data-testid=follow-up-coming]");
            Assert.Contains("Walter", coming.TextContent, StringComparison.Ordinal);
            Assert.Contains("same topic as Dana", coming.TextContent, StringComparison.Ordinal);
        });
        cut.Find("[data-testid=follow-up-skip]").Click();
        cut.WaitForAssertion(() => Assert.Equal(["skip"], Memory.Calls));
        cut.Find("[data-testid=follow-up-put-on]").Click();
        cut.WaitForAssertion(() => Assert.Equal(["skip", "put-on"], Memory.Calls));
    }

    [Fact]
    public async Task Publish_KnownCallerRinging_QueueCardShowsHistory()
    {
        var host = RenderPage<HostConsole>();
        await PublishKnownCallerAsync();

        host.WaitForAssertion(() =>
        {
            var history = host.Find("[data-testid=queue-item] [data-testid=caller-history]");
            Assert.Contains("Called 2× before", history.TextContent, StringComparison.Ordinal);
            Assert.Contains("Dana talked about night shifts.", history.TextContent, StringComparison.Ordinal);
            Assert.Contains("VIP", history.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Publish_KnownCallerRinging_ScreenerCardShowsHistoryAndFlags()
    {
        var screen = RenderPage<Screen>();
        await PublishKnownCallerAsync();

        screen.WaitForAssertion(() =>
        {
            var history = screen.Find("[data-testid=queue-item] [data-testid=caller-history]");
            Assert.Contains("Called 2× before", history.TextContent, StringComparison.Ordinal);
            Assert.Contains("Nurse, calls about shifts", history.TextContent, StringComparison.Ordinal);
        });
        screen.Find("[data-testid=flag-blocked]").Click();
        screen.WaitForAssertion(() => Assert.Contains("flags +14155550100 True True", Memory.Calls));
    }

    private Task PublishKnownCallerAsync()
    {
        var profile = new CallerProfile("+14155550100", "Dana", "Nurse, calls about shifts", 2, T0.AddDays(-7), "Dana talked about night shifts.", true, false);
        return Studio.PublishAsync(Studio.Current.OnAir(T0) with
        {
            Lines = [StateBuilders.Caller("7", T0, LineStatus.Holding) with { Number = "+14155550100" }],
            KnownCallers = ImmutableDictionary<string, CallerProfile>.Empty.Add("+14155550100", profile),
        });
    }
}
