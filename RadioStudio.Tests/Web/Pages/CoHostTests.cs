using Bunit;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Components.Pages;

namespace RadioStudio.Tests.Web.Pages;

public sealed class CoHostTests : PageTestContext
{
    private static readonly DateTimeOffset T0 = FakeStudio.Initial().Now;

    [Fact]
    public async Task Publish_NewLines_AppearWithSpeakerAndPartyColour()
    {
        var cut = RenderPage<CoHost>();
        Assert.Empty(cut.FindAll("[data-testid=transcript-entry]"));

        await Studio.PublishAsync(Studio.Current.OnAir(T0).WithEntries(("Host", PartyKind.Host, "Good evening.")));
        await Studio.PublishAsync(Studio.Current.WithEntries(("Ann", PartyKind.Phone, "Hi, first time caller.")));

        cut.WaitForAssertion(() =>
        {
            var entries = cut.FindAll("[data-testid=transcript-entry]");
            Assert.Equal(2, entries.Count);
            Assert.Contains("party-phone", entries[1].ClassList);
            Assert.Equal("Ann", entries[1].GetAttribute("data-speaker"));
            Assert.Equal("00:05", entries[1].QuerySelector(".ts")!.TextContent);
            Assert.Equal("Hi, first time caller.", entries[1].QuerySelector(".text")!.TextContent);
        });
        Assert.Equal("on", Header.Find("[data-testid=on-air-lamp]").GetAttribute("data-state"));
    }

    [Fact]
    public async Task Publish_CallerOnAir_ShowsWhoIsOnAirAndTheClock()
    {
        var cut = RenderPage<CoHost>();

        await Studio.PublishAsync(Studio.Current.OnAir(T0) with
        {
            Now = T0.AddMinutes(61),
            Lines = [StateBuilders.Caller("7", T0, LineStatus.OnAir, name: "Ann")],
        });

        cut.WaitForAssertion(() => Assert.Equal(["Ann"], cut.FindAll("[data-testid=on-air-name]").Select(e => e.TextContent)));
        Assert.Equal("01:01:00", Header.Find("[data-testid=show-clock]").TextContent);
    }

    [Fact]
    public void Render_HasNoControls()
    {
        var cut = RenderPage<CoHost>();

        Assert.Empty(cut.FindAll("input, textarea, [data-testid=on-air-toggle]"));
        Assert.Empty(Header.FindAll("button"));
    }
}
