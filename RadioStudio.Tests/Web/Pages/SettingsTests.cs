using Bunit;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Components.Pages;

namespace RadioStudio.Tests.Web.Pages;

public sealed class SettingsTests : PageTestContext
{
    private const string Jack = "JACK Audio Connection Kit | system";
    private const string Loopback = "ALSA | Loopback Audio";

    [Fact]
    public void Render_ListsOutputDevicesWithChannelCountsAndNoDevice()
    {
        var cut = RenderPage<Settings>();

        cut.WaitForAssertion(() => Assert.Equal(
            ["No device — stems only", $"{Jack} — 16 out", $"{Loopback} — 8 out"],
            cut.FindAll("[data-testid=device-select] option").Select(o => o.TextContent)));
        Assert.Equal(["", Jack, Loopback], cut.FindAll("[data-testid=device-select] option").Select(o => o.GetAttribute("value")));
        Assert.Equal("", SelectedDevice(cut));
        Assert.Empty(cut.FindAll("[data-testid=device-problem]"));
        Assert.Equal("clean", cut.Find("[data-testid=routing-dirty]").GetAttribute("data-state"));
        Assert.True(cut.Find("[data-testid=routing-save]").HasAttribute("disabled"));
    }

    [Fact]
    public void ChooseDeviceAndChannels_Save_SendsTheWholeTableAndIsClean()
    {
        var cut = RenderListed();

        cut.Find("[data-testid=device-select]").Change(Loopback);
        cut.Find("[data-testid=route-host]").Change("5");
        cut.Find("[data-testid=route-music]").Change("7");
        cut.Find("[data-testid=route-phone-slots]").Change("2");
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=route-phone-slots]").GetAttribute("value")));
        Assert.Equal("dirty", cut.Find("[data-testid=routing-dirty]").GetAttribute("data-state"));
        Assert.Empty(Studio.Commands);

        cut.Find("[data-testid=routing-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal([$"routing:{Loopback}:5"], Studio.Commands));
        Assert.Equal(new RoutingTable { DeviceName = Loopback, HostMic = 5, Music = 7, PhoneSlots = 2 }, Studio.LastRouting);
        cut.WaitForAssertion(() => Assert.Equal("clean", cut.Find("[data-testid=routing-dirty]").GetAttribute("data-state")));
        Snackbars.WaitForAssertion(() => Assert.Contains("Routing saved", Snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Save_EngineRefuses_SaysWhyInASnackbarAndKeepsTheEdits()
    {
        Studio.RefuseWith = "Routing not saved: PhoneSlots: 40 is outside 1–32.";
        var cut = RenderListed();
        cut.Find("[data-testid=route-host]").Change("4");
        cut.WaitForAssertion(() => Assert.Equal("dirty", cut.Find("[data-testid=routing-dirty]").GetAttribute("data-state")));

        cut.Find("[data-testid=routing-save]").Click();

        Snackbars.WaitForAssertion(() => Assert.Contains("PhoneSlots: 40 is outside 1–32.", Snackbars.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Routing saved", Snackbars.Markup, StringComparison.Ordinal);
        Assert.Equal("dirty", cut.Find("[data-testid=routing-dirty]").GetAttribute("data-state"));
        Assert.Equal("4", cut.Find("[data-testid=route-host]").GetAttribute("value"));
    }

    [Fact]
    public void EightChannelDevice_DefaultMap_PreviewNamesTheBusesFoldedOntoChannel8()
    {
        var cut = RenderListed();

        cut.Find("[data-testid=device-select]").Change(Loopback);

        var warning = cut.Find("[data-testid=fold-warning]").TextContent;
        Assert.Contains("music, sfx, ads, program fold onto channel 8", warning, StringComparison.Ordinal);
        Assert.Contains("needs 16", warning, StringComparison.Ordinal);
        Assert.Contains("summed with phone-6", warning, StringComparison.Ordinal);
        var rows = cut.FindAll("[data-testid=route-preview] tbody tr");
        Assert.Equal(["music", "sfx", "ads", "program"], rows.Where(r => r.GetAttribute("data-folded") == "true").Select(r => r.GetAttribute("data-bus")));
        var program = rows.Single(r => r.GetAttribute("data-bus") == "program");
        Assert.Equal("15 / 16", program.QuerySelector(".ch")!.TextContent);
        Assert.Equal("8 / 8", program.QuerySelector(".landed")!.TextContent);
        Assert.Equal("8", rows.Single(r => r.GetAttribute("data-bus") == "phone-6").QuerySelector(".landed")!.TextContent);

        // The 16-channel device takes the default map without folding.
        cut.Find("[data-testid=device-select]").Change(Jack);
        Assert.Empty(cut.FindAll("[data-testid=fold-warning]"));
        Assert.DoesNotContain(cut.FindAll("[data-testid=route-preview] tbody tr"), r => r.GetAttribute("data-folded") == "true");
    }

    [Fact]
    public void TwoSourcesOnOneChannel_IsFlaggedButAllowed()
    {
        var cut = RenderListed();

        cut.Find("[data-testid=route-music]").Change("10");

        cut.WaitForAssertion(() => Assert.Equal("⚠ Channel 10 carries music and sfx.", cut.Find("[data-testid=shared-warning]").TextContent.Trim()));
        Assert.False(cut.Find("[data-testid=routing-save]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Reset_FillsTheDefaultsWithoutSaving()
    {
        var cut = RenderListed();
        await Studio.PublishAsync(Studio.Current with { Routing = new RoutingTable { DeviceName = Jack, HostMic = 4, Ads = 12 } });
        cut.WaitForAssertion(() => Assert.Equal(Jack, SelectedDevice(cut)));

        cut.Find("[data-testid=routing-reset]").Click();

        Assert.Equal("", SelectedDevice(cut));
        Assert.Equal("1", cut.Find("[data-testid=route-host]").GetAttribute("value"));
        Assert.Equal("11", cut.Find("[data-testid=route-ads]").GetAttribute("value"));
        Assert.Equal("dirty", cut.Find("[data-testid=routing-dirty]").GetAttribute("data-state"));
        Assert.Empty(Studio.Commands);

        cut.Find("[data-testid=routing-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal(new RoutingTable(), Studio.LastRouting));
    }

    [Fact]
    public async Task PushedRouting_CleanForm_FollowsThePush()
    {
        var cut = RenderPage<Settings>();

        await Studio.PublishAsync(Studio.Current with { Routing = new RoutingTable { DeviceName = Loopback, HostMic = 7 } });

        cut.WaitForAssertion(() => Assert.Equal("7", cut.Find("[data-testid=route-host]").GetAttribute("value")));
        Assert.Equal(Loopback, SelectedDevice(cut));
        Assert.Equal("clean", cut.Find("[data-testid=routing-dirty]").GetAttribute("data-state"));
        Assert.Empty(cut.FindAll("[data-testid=routing-conflict]"));
    }

    [Fact]
    public async Task PushedRouting_UnsavedEdits_AreKeptAndTheConflictIsShown()
    {
        var cut = RenderListed();
        cut.Find("[data-testid=route-host]").Change("5");
        cut.WaitForAssertion(() => Assert.Equal("dirty", cut.Find("[data-testid=routing-dirty]").GetAttribute("data-state")));

        await Studio.PublishAsync(Studio.Current with { Routing = new RoutingTable { HostMic = 7, Music = 12 } });

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=routing-conflict]")));
        Assert.Equal("5", cut.Find("[data-testid=route-host]").GetAttribute("value"));
        Assert.Equal("9", cut.Find("[data-testid=route-music]").GetAttribute("value"));
        Assert.Equal("dirty", cut.Find("[data-testid=routing-dirty]").GetAttribute("data-state"));

        // A clock tick (same routing) changes nothing; discarding loads what the other console saved.
        await Studio.PublishAsync(Studio.Current with { Now = Studio.Current.Now.AddSeconds(1) });
        Assert.Equal("5", cut.Find("[data-testid=route-host]").GetAttribute("value"));
        cut.Find("[data-testid=routing-discard]").Click();
        Assert.Equal("7", cut.Find("[data-testid=route-host]").GetAttribute("value"));
        Assert.Equal("12", cut.Find("[data-testid=route-music]").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-testid=routing-conflict]"));
        Assert.Equal("clean", cut.Find("[data-testid=routing-dirty]").GetAttribute("data-state"));
    }

    [Fact]
    public void ListingProblem_IsShown()
    {
        Devices.Devices.Clear();
        Devices.Problem = "PortAudio is not installed (libportaudio.so.2).";

        var cut = RenderPage<Settings>();

        cut.WaitForAssertion(() => Assert.Contains("PortAudio is not installed", cut.Find("[data-testid=device-problem]").TextContent, StringComparison.Ordinal));
        Assert.Equal(["No device — stems only"], cut.FindAll("[data-testid=device-select] option").Select(o => o.TextContent));
    }

    [Fact]
    public async Task SavedDeviceNotListed_IsKeptAndMarkedNotConnected()
    {
        var cut = RenderListed();

        await Studio.PublishAsync(Studio.Current with { Routing = new RoutingTable { DeviceName = "ALSA | USB Mixer" } });

        cut.WaitForAssertion(() => Assert.Equal("ALSA | USB Mixer (not connected)", cut.Find("[data-testid=device-unlisted]").TextContent));
        Assert.Equal("ALSA | USB Mixer", SelectedDevice(cut));
        Assert.Contains("is not connected", cut.Find("[data-testid=device-not-connected]").TextContent, StringComparison.Ordinal);
        Assert.Contains("folding unknown", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("clean", cut.Find("[data-testid=routing-dirty]").GetAttribute("data-state"));
    }

    [Fact]
    public async Task RefreshDevices_ListsAgain()
    {
        var cut = RenderListed();
        Devices.Devices.Add(new("USB Mixer", "ALSA", 2, 12, 48_000));

        await cut.Find("[data-testid=device-refresh]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=device-select] option"), o => o.TextContent == "ALSA | USB Mixer — 12 out"));
    }

    [Fact]
    public async Task PushedOutputStatus_IsShown()
    {
        var cut = RenderPage<Settings>();

        await Studio.PublishAsync(Studio.Current with
        {
            Audio = Studio.Current.Audio with { OutputState = "Running: system (8 ch)", OutputWarning = "music, sfx, ads, program fold onto channel 8" },
        });

        cut.WaitForAssertion(() => Assert.Contains("Running: system (8 ch)", cut.Find("[data-testid=output-state]").TextContent, StringComparison.Ordinal));
        Assert.Contains("running", cut.Find("[data-testid=output-state]").ClassList);
        Assert.Contains("fold onto channel 8", cut.Find("[data-testid=output-warning]").TextContent, StringComparison.Ordinal);
    }

    /// <summary>Renders the page and waits until the device listing (off the render thread) is done.</summary>
    private IRenderedComponent<Settings> RenderListed()
    {
        var cut = RenderPage<Settings>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=device-listing]")));
        return cut;
    }

    private static string? SelectedDevice(IRenderedComponent<Settings> cut) =>
        cut.FindAll("[data-testid=device-select] option").Single(o => o.HasAttribute("selected")).GetAttribute("value");
}
