using Bunit;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Components.Pages;

namespace RadioStudio.Tests.Web.Pages;

public sealed class ScreenTests : PageTestContext
{
    private static readonly DateTimeOffset T0 = FakeStudio.Initial().Now;

    [Fact]
    public async Task Publish_Queue_ShowsCallersInTakeOrderWithTickingWaitTimers()
    {
        var cut = RenderPage<Screen>();

        await Studio.PublishAsync(Studio.Current with
        {
            Now = T0.AddMinutes(3),
            Lines =
            [
                StateBuilders.Caller("1", T0, priority: 2),
                StateBuilders.Caller("2", T0.AddSeconds(30), LineStatus.Screened, name: "Ann", topic: "Night shifts", priority: 1),
                StateBuilders.Caller("3", T0.AddSeconds(90), LineStatus.Next, name: "Bob"),
                StateBuilders.Caller("4", T0, LineStatus.OnAir, name: "On air, not queued"),
            ],
        });

        cut.WaitForAssertion(() => Assert.Equal(["3", "2", "1"], cut.FindAll("[data-testid=queue-item]").Select(e => e.GetAttribute("data-line-id"))));
        Assert.Equal(["1:30", "2:30", "3:00"], cut.FindAll("[data-testid=wait-timer]").Select(e => e.TextContent));

        await Studio.PublishAsync(Studio.Current with { Now = T0.AddMinutes(3).AddSeconds(1) });
        cut.WaitForAssertion(() => Assert.Equal("1:31", cut.Find("[data-testid=wait-timer]").TextContent));
    }

    [Fact]
    public async Task EditName_SendsOnlyTheNameForThatLine()
    {
        var cut = RenderPage<Screen>();
        await Studio.PublishAsync(Studio.Current with { Lines = [StateBuilders.Caller("9", T0, topic: "Cats")] });

        cut.WaitForAssertion(() => cut.Find("[data-testid=caller-name]"));
        cut.Find("[data-testid=caller-name]").Change("Carol");

        cut.WaitForAssertion(() => Assert.Equal(["details:9:Carol:-:-"], Studio.Commands));
    }
}
