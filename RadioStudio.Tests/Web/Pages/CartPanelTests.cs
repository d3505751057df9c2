using Bunit;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Components.Pages;

namespace RadioStudio.Tests.Web.Pages;

/// <summary>The host console's music, cart and ads panel, driven by pushed <see cref="AudioStatus"/>.</summary>
public sealed class CartPanelTests : PageTestContext
{
    private static readonly AudioStatus Loaded = AudioStatus.Initial with
    {
        Tracks =
        [
            new MediaItem("beds/late.mp3", "Late Night Bed", TimeSpan.FromSeconds(185)),
            new MediaItem("theme.flac", "Closing Theme", TimeSpan.FromSeconds(62)),
        ],
        Effects =
        [
            new MediaItem("ring", "Ring", TimeSpan.FromSeconds(2), "1"),
            new MediaItem("applause", "Applause", TimeSpan.FromSeconds(4), "2"),
            new MediaItem("rimshot", "Rimshot", TimeSpan.FromSeconds(1), "a"),
        ],
        Ads =
        [
            new MediaItem("pizza.mp3", "Joe's Pizza", TimeSpan.FromSeconds(30)),
            new MediaItem("id.wav", "Station ID", TimeSpan.FromSeconds(15)),
        ],
    };

    [Fact]
    public async Task Publish_Media_RendersTracksCartAndAds()
    {
        var cut = await RenderLoadedAsync();

        var tracks = cut.FindAll("[data-testid=track]");
        Assert.Equal(["beds/late.mp3", "theme.flac"], tracks.Select(t => t.GetAttribute("data-track-id")));
        Assert.Contains("Late Night Bed", tracks[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("3:05", tracks[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("1:02", tracks[1].TextContent, StringComparison.Ordinal);
        Assert.All(tracks, t => Assert.Equal("idle", t.GetAttribute("data-state")));

        var cart = cut.FindAll("[data-testid=cart-item]");
        Assert.Equal(["ring", "applause", "rimshot"], cart.Select(c => c.GetAttribute("data-effect-id")));
        Assert.Equal(["1", "2", "⇧A"], cart.Select(c => c.QuerySelector(".cart-key")!.TextContent));
        Assert.Contains("Applause", cart[1].TextContent, StringComparison.Ordinal);

        Assert.Equal(["pizza.mp3", "id.wav"], cut.FindAll("[data-testid=ad-item]").Select(a => a.GetAttribute("data-ad-id")));
        Assert.Empty(cut.FindAll("[data-testid=stop-ads]"));
        Assert.Empty(cut.FindAll("[data-testid=music-empty]"));
    }

    [Fact]
    public async Task ClickPlayAndStop_SendTheTrackThenTheFade()
    {
        var cut = await RenderLoadedAsync();

        cut.FindAll("[data-testid=track]")[1].QuerySelector("[data-testid=play-track]")!.Click();
        await Studio.PublishAsync(Studio.Current with { Audio = Studio.Current.Audio with { NowPlaying = "theme.flac" } });
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=music-stop]").HasAttribute("disabled")));
        cut.Find("[data-testid=music-stop]").Click();

        Assert.Equal(["play:theme.flac", "stop-music"], Audio.Commands);
    }

    [Fact]
    public async Task NowPlaying_HighlightFollowsThePushedState()
    {
        var cut = await RenderLoadedAsync();
        Assert.True(cut.Find("[data-testid=music-stop]").HasAttribute("disabled"));

        await PublishAudioAsync(a => a with { NowPlaying = "beds/late.mp3" });
        cut.WaitForAssertion(() => Assert.Equal(["playing", "idle"], TrackStates(cut)));
        Assert.Contains("Late Night Bed", cut.Find("[data-testid=now-playing]").TextContent, StringComparison.Ordinal);

        await PublishAudioAsync(a => a with { NowPlaying = "theme.flac" });
        cut.WaitForAssertion(() => Assert.Equal(["idle", "playing"], TrackStates(cut)));

        await PublishAudioAsync(a => a with { NowPlaying = null });
        cut.WaitForAssertion(() => Assert.Equal(["idle", "idle"], TrackStates(cut)));
        Assert.Contains("No music playing", cut.Find("[data-testid=now-playing]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Audio.Commands);
    }

    [Fact]
    public async Task ClickCartItem_FiresThatEffect()
    {
        var cut = await RenderLoadedAsync();

        cut.Find("[data-testid=cart-item][data-effect-id=applause]").Click();
        cut.Find("[data-testid=cart-item][data-effect-id=applause]").Click();

        Assert.Equal(["fire:applause", "fire:applause"], Audio.Commands);
    }

    [Fact]
    public async Task AdBreak_TickedAdsPlayInTickOrder_StopShowsWhilePlaying()
    {
        var cut = await RenderLoadedAsync();
        Assert.True(cut.Find("[data-testid=play-ads]").HasAttribute("disabled"));

        Ad(cut, "id.wav").QuerySelector("input")!.Change(true);
        Ad(cut, "pizza.mp3").QuerySelector("input")!.Change(true);
        cut.WaitForAssertion(() => Assert.Equal("1", Ad(cut, "id.wav").QuerySelector(".ad-order")!.TextContent));
        Assert.Equal("2", Ad(cut, "pizza.mp3").QuerySelector(".ad-order")!.TextContent);
        Assert.Contains("0:45", cut.Find("[data-testid=play-ads]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=ads-resume-music]").Change(false);
        cut.Find("[data-testid=play-ads]").Click();
        Assert.Equal(["ads:id.wav,pizza.mp3:False"], Audio.Commands);

        await PublishAudioAsync(a => a with { AdPlaying = "Station ID · Joe's Pizza" });
        cut.WaitForAssertion(() => Assert.Contains("Station ID · Joe's Pizza", cut.Find("[data-testid=ad-playing]").TextContent, StringComparison.Ordinal));
        Assert.True(cut.Find("[data-testid=play-ads]").HasAttribute("disabled"));
        Assert.All(cut.FindAll("[data-testid=ad-item]"), a => Assert.Equal("idle", a.GetAttribute("data-state")));

        cut.Find("[data-testid=stop-ads]").Click();
        Assert.Equal(["ads:id.wav,pizza.mp3:False", "stop-ads"], Audio.Commands);

        await PublishAudioAsync(a => a with { AdPlaying = null });
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=stop-ads]")));
    }

    [Fact]
    public async Task AdBreak_UntickingAnAd_DropsItAndResumesMusicByDefault()
    {
        var cut = await RenderLoadedAsync();

        Ad(cut, "pizza.mp3").QuerySelector("input")!.Change(true);
        Ad(cut, "id.wav").QuerySelector("input")!.Change(true);
        Ad(cut, "pizza.mp3").QuerySelector("input")!.Change(false);
        cut.WaitForAssertion(() => Assert.Equal("idle", Ad(cut, "pizza.mp3").GetAttribute("data-state")));
        cut.Find("[data-testid=play-ads]").Click();

        Assert.Equal(["ads:id.wav:True"], Audio.Commands);
    }

    [Fact]
    public async Task VolumeAndSwitches_SendTheirCommands()
    {
        var cut = await RenderLoadedAsync();
        Assert.Equal("80%", cut.Find("[data-testid=music-volume-value]").TextContent);

        cut.Find("[data-testid=music-volume]").Change("0.5");
        cut.Find("[data-testid=music-loop]").Change(false);
        cut.Find("[data-testid=music-ducking]").Change(false);
        cut.Find("[data-testid=music-to-callers]").Change(false);
        cut.Find("[data-testid=media-rescan]").Click();

        Assert.Equal(["volume:0.50", "loop:False", "ducking:False", "music-to-callers:False", "rescan"], Audio.Commands);
        Assert.Equal("50%", cut.Find("[data-testid=music-volume-value]").TextContent);
    }

    [Fact]
    public async Task PushedVolume_MovesTheSlider()
    {
        var cut = await RenderLoadedAsync();

        await PublishAudioAsync(a => a with { MusicVolume = 0.25f });

        cut.WaitForAssertion(() => Assert.Equal("25%", cut.Find("[data-testid=music-volume-value]").TextContent));
        Assert.Empty(Audio.Commands);
    }

    [Fact]
    public async Task RefusedCommand_ShowsASnackbarAndDoesNotThrow()
    {
        var cut = await RenderLoadedAsync();
        Audio.RefuseWith = "The ad break could not start: Station ID.wav is not a sound file.";

        Ad(cut, "id.wav").QuerySelector("input")!.Change(true);
        await cut.Find("[data-testid=play-ads]").ClickAsync(new());
        await cut.Find("[data-testid=cart-item][data-effect-id=ring]").ClickAsync(new());

        Snackbars.WaitForAssertion(() => Assert.Contains("is not a sound file", Snackbars.Markup, StringComparison.Ordinal));
        Assert.Equal(["ads:id.wav:True", "fire:ring"], Audio.Commands);
        Assert.Equal("selected", Ad(cut, "id.wav").GetAttribute("data-state"));
    }

    [Fact]
    public async Task RefusedSwitchOrVolume_SnapsBackToThePushedState()
    {
        var cut = await RenderLoadedAsync();
        Audio.RefuseWith = "The audio engine is not running.";

        cut.Find("[data-testid=music-loop]").Change(false);
        cut.Find("[data-testid=music-volume]").Change("0.3");

        Snackbars.WaitForAssertion(() => Assert.Contains("not running", Snackbars.Markup, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid=music-loop]").HasAttribute("checked")));
        Assert.Equal("80%", cut.Find("[data-testid=music-volume-value]").TextContent);
        Assert.Equal("0.8", cut.Find("[data-testid=music-volume]").GetAttribute("value"));
        Assert.Equal(["loop:False", "volume:0.30"], Audio.Commands);
    }

    [Fact]
    public async Task Hotkeys_DigitAndShiftLetterFireTheItemOnThatKey()
    {
        var cut = await RenderLoadedAsync();

        await cut.Instance.OnHotkey("cart:1");
        await cut.Instance.OnHotkey("cart:a");
        await cut.Instance.OnHotkey("cart:2");

        Assert.Equal(["fire:ring", "fire:rimshot", "fire:applause"], Audio.Commands);
    }

    [Fact]
    public async Task Hotkey_NothingOnThatKey_SaysSoAndSendsNothing()
    {
        var cut = await RenderLoadedAsync();

        await cut.Instance.OnHotkey("cart:7");

        Snackbars.WaitForAssertion(() => Assert.Contains("Nothing on cart key 7", Snackbars.Markup, StringComparison.Ordinal));
        Assert.Empty(Audio.Commands);
    }

    [Fact]
    public async Task EmptyLibrary_SaysWhereToPutMusicAndShowsTheProblem()
    {
        var cut = RenderPage<HostConsole>();
        await PublishAudioAsync(a => a with { MediaProblem = "Music folder /srv/data/music does not exist." });

        cut.WaitForAssertion(() => Assert.Contains("does not exist", cut.Find("[data-testid=media-problem]").TextContent, StringComparison.Ordinal));
        Assert.Contains("data/music", cut.Find("[data-testid=music-empty]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=track]"));
        Assert.NotNull(cut.Find("[data-testid=ads-empty]"));
    }

    [Fact]
    public async Task StatusLine_ShowsRecordingAndOutput()
    {
        var cut = RenderPage<HostConsole>();
        Assert.Equal("off", cut.Find("[data-testid=recording]").GetAttribute("data-state"));
        Assert.Empty(cut.FindAll("[data-testid=output-warning]"));

        await PublishAudioAsync(a => a with
        {
            RecordingFolder = "/data/stems/2026-11-24_2200",
            OutputState = "Running",
            OutputWarning = "Ads folded onto channel 2",
        });

        cut.WaitForAssertion(() => Assert.Equal("on", cut.Find("[data-testid=recording]").GetAttribute("data-state")));
        Assert.Contains("/data/stems/2026-11-24_2200", cut.Find("[data-testid=recording]").GetAttribute("title"), StringComparison.Ordinal);
        Assert.Equal("Running", cut.Find("[data-testid=output-state]").TextContent);
        Assert.Contains("warn", cut.Find("[data-testid=output-state]").ClassList);
        Assert.Contains("folded onto channel 2", cut.Find("[data-testid=output-warning]").TextContent, StringComparison.Ordinal);
    }

    private async Task<IRenderedComponent<HostConsole>> RenderLoadedAsync()
    {
        var cut = RenderPage<HostConsole>();
        await Studio.PublishAsync(Studio.Current with { Audio = Loaded });
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=track]").Count));
        return cut;
    }

    private Task PublishAudioAsync(Func<AudioStatus, AudioStatus> change) =>
        Studio.PublishAsync(Studio.Current with { Audio = change(Studio.Current.Audio) });

    private static AngleSharp.Dom.IElement Ad(IRenderedComponent<HostConsole> cut, string id) =>
        cut.Find($"[data-testid=ad-item][data-ad-id='{id}']");

    private static string[] TrackStates(IRenderedComponent<HostConsole> cut) =>
        [.. cut.FindAll("[data-testid=track]").Select(t => t.GetAttribute("data-state") ?? "")];
}
