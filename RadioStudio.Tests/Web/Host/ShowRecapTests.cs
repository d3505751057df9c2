using Bunit;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Components.Host;

namespace RadioStudio.Tests.Web.Host;

public sealed class ShowRecapTests : PageTestContext
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_AfterOffAir_ShowsDurationCallsAndTheLinkToTheShowsFiles()
    {
        var show = new ShowInfo("s1", "Late Night", T0, T0.AddMinutes(42).AddSeconds(7));
        TranscriptEntry[] transcript =
        [
            new(1, TimeSpan.Zero, TimeSpan.Zero, "Host", PartyKind.Host, "Evening."),
            new(2, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6), "Norma", PartyKind.Phone, "Hi!"),
            new(3, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(12), "Marvin", PartyKind.Ai, "Long-time listener."),
            new(4, TimeSpan.FromSeconds(13), TimeSpan.FromSeconds(15), "Marvin", PartyKind.Ai, "First-time caller."),
        ];

        var cut = Context.Render<ShowRecap>(p => p.Add(c => c.Show, show).Add(c => c.OnAir, false).Add(c => c.Transcript, transcript));

        Assert.Equal("00:42:07", cut.Find("[data-testid=recap-duration]").TextContent);
        Assert.Equal("1 phone · 1 AI caller", cut.Find("[data-testid=recap-calls]").TextContent);
        Assert.Equal("/shows?show=s1", cut.Find("[data-testid=recap-files]").GetAttribute("href"));
    }

    [Fact]
    public void Render_OnAirOrBeforeAnyShow_ShowsNothing()
    {
        var live = new ShowInfo("s1", "Late Night", T0, null);

        Assert.Empty(Context.Render<ShowRecap>(p => p.Add(c => c.Show, live).Add(c => c.OnAir, true)).FindAll("[data-testid=show-recap]"));
        Assert.Empty(Context.Render<ShowRecap>(p => p.Add(c => c.Show, null).Add(c => c.OnAir, false)).FindAll("[data-testid=show-recap]"));
    }
}
