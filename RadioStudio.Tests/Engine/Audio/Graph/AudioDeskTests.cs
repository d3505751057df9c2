using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Twilio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Audio.Graph;

/// <summary>The desk on a real graph driven block by block: music, crossfades, fades, ad breaks and phone-event sounds.</summary>
public sealed class AudioDeskTests : IAsyncLifetime
{
    private static readonly BusId MusicBus = new(BusKind.Music);
    private static readonly BusId AdsBus = new(BusKind.Ads);
    private static readonly BusId EffectsBus = new(BusKind.Effects);
    private readonly HttpClient _http = new();
    private readonly TempDirectory _data = new();
    private readonly AudioGraph _graph = new(new FakePhoneLines());
    private readonly CaptureOutput _capture = new();
    private EngineHarness _h = null!;
    private PhoneSystem _phones = null!;
    private AudioDesk _desk = null!;
    private long _block;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_data.Path, "music"));
        Directory.CreateDirectory(Path.Combine(_data.Path, "ads"));
        WriteTone(Path.Combine(_data.Path, "music", "bed-a.wav"), 300, seconds: 10);
        WriteTone(Path.Combine(_data.Path, "music", "bed-b.wav"), 500, seconds: 10);
        WriteTone(Path.Combine(_data.Path, "ads", "spot.wav"), 700, seconds: 1);
        _h = await EngineHarness.StartAsync();
        var twilio = Options.Create(new TwilioOptions());
        _phones = new PhoneSystem(
            _h.Engine, twilio, new TwilioRestClient(_http, twilio, NullLogger<TwilioRestClient>.Instance),
            new HoldFeed(twilio, NullLogger<HoldFeed>.Instance), _h.Time, NullLogger<PhoneSystem>.Instance);
        _graph.MusicDucker.Enabled = false;
        _graph.AddOutput(_capture);
        _desk = new AudioDesk(
            _graph, _h.Engine, _phones, Options.Create(new AudioOptions()), Options.Create(new StorageOptions { Path = _data.Path }),
            NullLogger<AudioDesk>.Instance);
        await _desk.StartAsync(CancellationToken.None);
        await _h.Engine.SetOnAirAsync(true);
    }

    public async Task DisposeAsync()
    {
        await _desk.DisposeAsync();
        await _phones.DisposeAsync();
        await _h.DisposeAsync();
        _http.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Start_ListsTracksAdsAndTheCartWithItsBuiltInPhoneSounds()
    {
        var state = await _h.Engine.WaitForAsync(s => s.Audio.Tracks.Count == 2);

        Assert.Equal(["bed-a.wav", "bed-b.wav"], state.Audio.Tracks.Select(t => t.Id));
        Assert.Equal("spot.wav", Assert.Single(state.Audio.Ads).Id);
        Assert.Contains(state.Audio.Effects, e => e.Id == "ring" && e.Key is not null);
        Assert.Contains(state.Audio.Effects, e => e.Id == "busy");
        Assert.Contains(state.Audio.Effects, e => e.Id == "hangup");
        Assert.Null(state.Audio.MediaProblem);
        Assert.True(Directory.Exists(Path.Combine(_data.Path, "sfx")), "a missing folder is created for the host to fill");
    }

    [Fact]
    public async Task PlayTrack_PutsItOnTheMusicBusAtTheVolume_AndReportsIt()
    {
        await _desk.PlayTrackAsync("bed-a.wav");
        Run(seconds: 0.5);

        Assert.Equal(0.5 * 0.8, Level(MusicBus, 300), 0.01);
        Assert.Equal("bed-a.wav", (await _h.Engine.WaitForAsync(s => s.Audio.NowPlaying is not null)).Audio.NowPlaying);

        await _desk.SetMusicVolumeAsync(0.25f);
        Run(seconds: 0.5);
        Assert.Equal(0.5 * 0.25, Level(MusicBus, 300), 0.01);
    }

    [Fact]
    public async Task SwitchingTracks_CrossfadesEqualPowerOverThreeSeconds()
    {
        await _desk.PlayTrackAsync("bed-a.wav");
        Run(seconds: 0.5);
        await _desk.PlayTrackAsync("bed-b.wav");

        // Half way (1.5 s): both at cos 45° of full level — equal power, not the −6 dB dip of a linear fade.
        Run(seconds: 1.5);
        var half = 0.4 * Math.Cos(Math.PI / 4);
        Assert.Equal(half, Level(MusicBus, 300, 0.04), 0.03);
        Assert.Equal(half, Level(MusicBus, 500, 0.04), 0.03);

        Run(seconds: 2);
        Assert.Equal(0.4, Level(MusicBus, 500), 0.01);
        Assert.True(Level(MusicBus, 300) < 0.001);
    }

    [Fact]
    public async Task StopMusic_FadesOutOverTwoSeconds()
    {
        await _desk.PlayTrackAsync("bed-a.wav");
        Run(seconds: 0.5);
        await _desk.StopMusicAsync();

        Run(seconds: 1);
        Assert.InRange(Level(MusicBus, 300, 0.04), 0.05, 0.35);
        Run(seconds: 1.1);
        Assert.Equal(0, DspTestHelpers.Peak(_capture.Last(MusicBus, 5)));
        Assert.Null((await _h.Engine.WaitForAsync(s => s.Audio.NowPlaying is null)).Audio.NowPlaying);
    }

    [Fact]
    public async Task AdBreak_MusicFadesForASecond_TheAdPlaysOnce_ThenTheMusicComesBack()
    {
        await _desk.PlayTrackAsync("bed-a.wav");
        Run(seconds: 0.5);

        await _desk.PlayAdsAsync(["spot.wav"], resumeMusic: true);
        await _h.Engine.WaitForAsync(s => s.Audio.AdPlaying is not null);
        Run(seconds: 0.9);
        Assert.Equal(0, DspTestHelpers.Peak(_capture.Last(AdsBus, 45)));
        Run(seconds: 0.3);
        Assert.Equal(0, DspTestHelpers.Peak(_capture.Last(MusicBus, 5)));
        Assert.Equal(0.5, Level(AdsBus, 700, 0.1), 0.02);

        // The ad (1 s) ends; the bed comes back.
        Run(seconds: 0.9);
        await _h.Engine.WaitForAsync(s => s.Audio.AdPlaying is null && s.Audio.NowPlaying == "bed-a.wav");
        Run(seconds: 0.5);
        Assert.Equal(0, DspTestHelpers.Peak(_capture.Last(AdsBus, 5)));
        Assert.Equal(0.4, Level(MusicBus, 300), 0.01);
    }

    [Fact]
    public async Task StoppedAdBreak_EndsAtOnce_DoesNotResumeTheMusic_AndANewBreakCanStart()
    {
        await _desk.PlayTrackAsync("bed-a.wav");
        Run(seconds: 0.5);
        await _desk.PlayAdsAsync(["spot.wav"], resumeMusic: true);
        Run(seconds: 1.2);

        await _desk.StopAdsAsync();
        Run(seconds: 0.2);
        Assert.Equal(0, DspTestHelpers.Peak(_capture.Last(AdsBus, 5)));
        await _h.Engine.WaitForAsync(s => s.Audio.AdPlaying is null);
        Run(seconds: 1);
        Assert.Equal(0, DspTestHelpers.Peak(_capture.Last(MusicBus, 10)));

        await _desk.PlayAdsAsync(["spot.wav"], resumeMusic: false);
        Run(seconds: 1.2);
        Assert.Equal(0.5, Level(AdsBus, 700, 0.1), 0.02);
    }

    [Fact]
    public async Task UnknownTrackOrAd_IsRefusedWithAMessage()
    {
        var track = await Assert.ThrowsAsync<StudioCommandException>(() => _desk.PlayTrackAsync("nope.mp3"));
        Assert.Contains("nope.mp3", track.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StudioCommandException>(() => _desk.PlayAdsAsync(["missing.wav"], resumeMusic: false));
        await Assert.ThrowsAsync<StudioCommandException>(() => _desk.FireEffectAsync("nothing"));
    }

    [Fact]
    public async Task PhoneEvents_RingAsACallerGoesToAir_HangUpWhenTheyLeave_BusyWhenTurnedAway()
    {
        var answer = await _phones.AnswerAsync(new IncomingCall("CA" + new string('7', 32), "+14155550150", "+15550100000", "AC1"), "http://127.0.0.1", CancellationToken.None);
        Assert.Equal(CallAnswerKind.Connected, answer.Kind);
        var line = Assert.Single(_h.Engine.Current.Lines).Id;
        await _h.Engine.LineConnectedAsync(line);
        Run(seconds: 0.2);
        Assert.Equal(0, DspTestHelpers.Peak(_capture.Last(EffectsBus, 10)));

        await _h.Engine.TakeCallAsync(line);
        await Poll.AssertUntilAsync(() => { Run(seconds: 0.1); return Level(EffectsBus, 440, 0.1) > 0.1; }, "the ring plays as the caller goes to air");
        Assert.True(Level(EffectsBus, 480, 0.1) > 0.1, "a North American ring: 440 + 480 Hz");
        Run(seconds: 2.5);

        await _h.Engine.HangUpAsync(line);
        await Poll.AssertUntilAsync(() => { Run(seconds: 0.1); return Level(EffectsBus, 350, 0.1) > 0.05; }, "the hang-up sound plays");
        Run(seconds: 1);

        await _h.Engine.SetBlockAllAsync(true);
        var refused = await _phones.AnswerAsync(new IncomingCall("CA" + new string('8', 32), "+14155550151", "+15550100000", "AC1"), "http://127.0.0.1", CancellationToken.None);
        Assert.Equal(CallAnswerKind.Busy, refused.Kind);
        Run(seconds: 0.2);
        Assert.True(Level(EffectsBus, 620, 0.2) > 0.05, "busy tone: 480 + 620 Hz");
    }

    private void Run(double seconds)
    {
        for (var i = 0; i < (int)Math.Round(seconds * 50); i++)
        {
            _graph.OnBlock(_block++);
        }
    }

    private double Level(BusId bus, double hz, double seconds = 0.2)
    {
        var samples = _capture.Last(bus, (int)Math.Round(seconds * 50));
        return DspTestHelpers.GoertzelAmplitude(samples, hz, 48_000);
    }

    private static void WriteTone(string path, double hz, double seconds)
    {
        using var writer = new WavWriter(path, 48_000, 1, WavSampleFormat.Float32);
        writer.Write(DspTestHelpers.Sine((int)(48_000 * seconds), hz, 48_000, amplitude: 0.5));
    }
}
