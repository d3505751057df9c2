using Bunit;
using RadioStudio.Engine.Screening;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Components.Pages;

namespace RadioStudio.Tests.Web.Pages;

public sealed class ScreeningCardTests : PageTestContext
{
    private static readonly DateTimeOffset T0 = FakeStudio.Initial().Now;

    private static readonly ScreeningState Screened = new(
        ScreeningStatus.Screened,
        [
            new ScreeningLine(T0.AddSeconds(2), true, "Thanks for calling! What's your name?"),
            new ScreeningLine(T0.AddSeconds(7), false, "Dave.", "c1"),
            new ScreeningLine(T0.AddSeconds(9), true, "And what would you like to talk about tonight?"),
            new ScreeningLine(T0.AddSeconds(15), false, "", "c2"),
        ],
        "Dave is fed up with potholes.");

    [Fact]
    public async Task Publish_ScreenedCaller_ScreenCardShowsTheTimedTranscriptAndTheStatusAttribute()
    {
        var cut = RenderPage<Screen>();

        await Studio.PublishAsync(Studio.Current with
        {
            Lines =
            [
                StateBuilders.Caller("1", T0, LineStatus.Screened, name: "Dave", topic: "the county roads") with { Screening = Screened },
                StateBuilders.Caller("2", T0) with { Screening = new ScreeningState(ScreeningStatus.Incomplete, []) },
                StateBuilders.Caller("3", T0),
            ],
        });

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=queue-item]").Count));
        Assert.Equal(["screened", "incomplete", null], cut.FindAll("[data-testid=queue-item]").Select(e => e.GetAttribute("data-screening")));
        var transcript = cut.Find("[data-line-id='1'] [data-testid=screening-transcript]");
        var lines = transcript.QuerySelectorAll("[data-testid=screening-line]").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Contains("0:07", lines[1], StringComparison.Ordinal);
        Assert.Contains("Dave.", lines[1], StringComparison.Ordinal);
        Assert.Contains("(not recognised)", lines[3], StringComparison.Ordinal);
        Assert.Contains("Dave is fed up with potholes.", transcript.TextContent, StringComparison.Ordinal);
        Assert.Contains("screening incomplete", cut.Find("[data-line-id='2'] [data-testid=screening-transcript]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-line-id='3'] [data-testid=screening-transcript]"));
    }

    [Fact]
    public async Task Publish_ScreenedCaller_HostQueueCardHasTheStatusAndTheTranscriptOneClickAway()
    {
        var cut = RenderPage<HostConsole>();

        await Studio.PublishAsync(Studio.Current with
        {
            Lines = [StateBuilders.Caller("1", T0, LineStatus.Screened, name: "Dave", topic: "the county roads") with { Screening = Screened }],
        });

        cut.WaitForAssertion(() => Assert.Equal("screened", cut.Find("[data-testid=queue-item]").GetAttribute("data-screening")));
        var details = cut.Find("[data-testid=queue-item] [data-testid=screening-details]");
        Assert.Equal("DETAILS", details.TagName);
        Assert.Contains("screened · transcript", details.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, details.QuerySelectorAll("[data-testid=screening-line]").Length);
    }
}
