using System.Collections.Immutable;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio.Media;
using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;

namespace RadioStudio.Engine.Audio.Graph;

/// <summary>
/// Music beds, the effects cart and ads on the graph, plus the phone-event sounds (ring as a caller goes to
/// air, hang-up when an on-air caller leaves, busy when a caller is turned away). Decoding and priming happen here,
/// off the audio thread; the graph only ever sees sources that are ready. One gate serializes the controls, so
/// two hosts clicking at once can't leave a half-started track behind.
/// </summary>
public sealed partial class AudioDesk : IAudioDesk, IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan AdLeadIn = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ResumeFade = TimeSpan.FromSeconds(1);
    private readonly AudioGraph _graph;
    private readonly PhoneSystem _phones;
    private readonly StudioEngine _engine;
    private readonly AudioOptions _options;
    private readonly ILogger<AudioDesk> _logger;
    private readonly MusicLibrary _music;
    private readonly MusicLibrary _ads;
    private readonly string _effectsFolder;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private EffectsCart _cart = new();
    private TrackSource? _playing;
    private string? _playingId;
    private AdBreak? _adBreak;
    private float _volume = 0.8f;
    private bool _loop = true;
    private IDisposable? _subscription;
    private ImmutableHashSet<string> _onAirLines = [];

    /// <summary>Creates the desk over the graph's music, effects and ads sockets.</summary>
    public AudioDesk(
        AudioGraph graph, StudioEngine engine, PhoneSystem phones, IOptions<AudioOptions> options, IOptions<StorageOptions> storage,
        ILogger<AudioDesk> logger)
    {
        ArgumentNullException.ThrowIfNull(phones);
        _phones = phones;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        _graph = graph;
        _engine = engine;
        _options = options.Value;
        _logger = logger;
        var data = storage.Value.FullPath;
        _music = new MusicLibrary(AudioOptions.Resolve(data, _options.MusicFolder));
        _ads = new MusicLibrary(AudioOptions.Resolve(data, _options.AdsFolder));
        _effectsFolder = AudioOptions.Resolve(data, _options.EffectsFolder);
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A fresh studio gets the three folders, so the console can say where to drop files.
        foreach (var folder in new[] { _music.Folder, _ads.Folder, _effectsFolder })
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                Log.MediaProblem(_logger, $"Cannot create {folder}: {error.Message}");
            }
        }

        await RescanAsync(cancellationToken).ConfigureAwait(false);
        await ReportAsync(a => a with
        {
            Ducking = _graph.MusicDucker.Enabled,
            MusicToCallers = _graph.MusicToCallers,
            MusicVolume = _volume,
            Loop = _loop,
        }).ConfigureAwait(false);
        _subscription = _engine.Subscribe(OnStateAsync, TimeSpan.Zero);
        _phones.CallRefused += OnCallerRefused;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _subscription = null;
        _phones.CallRefused -= OnCallerRefused;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _graph.Ads.Stop();
        _adBreak?.Dispose();
        _playing?.Dispose();
        _gate.Dispose();
    }

    /// <inheritdoc />
    public async Task RescanAsync(CancellationToken cancellationToken = default)
    {
        var tracks = await _music.ScanAsync(cancellationToken).ConfigureAwait(false);
        var ads = await _ads.ScanAsync(cancellationToken).ConfigureAwait(false);
        var cart = await EffectsCart.LoadAsync(_effectsFolder, cancellationToken: cancellationToken).ConfigureAwait(false);
        _cart.StopAll();
        _cart = cart;
        _ = _graph.Effects.Play(cart);
        var problems = new[] { _music.Message, _ads.Message }.Concat(cart.LoadErrors).Where(m => !string.IsNullOrEmpty(m)).ToArray();
        foreach (var problem in problems)
        {
            Log.MediaProblem(_logger, problem!);
        }

        await ReportAsync(a => a with
        {
            Tracks = [.. tracks.Select(t => new MediaItem(t.Id, t.Artist is { } artist ? $"{artist} – {t.Title}" : t.Title, t.Duration))],
            Ads = [.. ads.Select(t => new MediaItem(t.Id, t.Title, t.Duration))],
            Effects = [.. cart.Items.Select(i => new MediaItem(i.Id, i.Title, i.Duration, i.Key?.ToString()))],
            MediaProblem = problems.Length == 0 ? null : string.Join(" ", problems),
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task PlayTrackAsync(string trackId, CancellationToken cancellationToken = default)
    {
        var track = _music.Find(trackId) ?? throw new StudioCommandException($"No track '{trackId}' in the music folder.");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var source = await OpenAsync(track.Path, _loop, cancellationToken).ConfigureAwait(false);
            var previous = _playing;
            _graph.Music.CrossfadeTo(source, previous is null || previous.IsEnded ? TimeSpan.Zero : Crossfader.DefaultCrossfade);
            (_playing, _playingId) = (source, track.Id);
            DisposeLater(previous, Crossfader.DefaultCrossfade);
            Log.Playing(_logger, track.Title);
        }
        finally
        {
            _gate.Release();
        }

        await ReportAsync(a => a with { NowPlaying = track.Id }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task StopMusicAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _graph.Music.FadeOut(Crossfader.DefaultFadeOut);
            DisposeLater(_playing, Crossfader.DefaultFadeOut);
            (_playing, _playingId) = (null, null);
        }
        finally
        {
            _gate.Release();
        }

        await ReportAsync(a => a with { NowPlaying = null }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetMusicVolumeAsync(float volume, CancellationToken cancellationToken = default)
    {
        if (!float.IsFinite(volume) || volume is < 0 or > 1)
        {
            throw new StudioCommandException($"Volume {volume} is outside 0–1.");
        }

        _volume = volume;
        if (_playing is { } playing)
        {
            playing.Gain = volume;
        }

        await ReportAsync(a => a with { MusicVolume = volume }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetLoopAsync(bool loop, CancellationToken cancellationToken = default)
    {
        _loop = loop;
        if (_playing is { } playing)
        {
            playing.Loop = loop;
        }

        await ReportAsync(a => a with { Loop = loop }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetDuckingAsync(bool ducking, CancellationToken cancellationToken = default)
    {
        _graph.MusicDucker.Enabled = ducking;
        await ReportAsync(a => a with { Ducking = ducking }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetMusicToCallersAsync(bool enabled, CancellationToken cancellationToken = default)
    {
        _graph.MusicToCallers = enabled;
        await ReportAsync(a => a with { MusicToCallers = enabled }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task FireEffectAsync(string effectId, CancellationToken cancellationToken = default)
    {
        if (!_cart.Fire(effectId))
        {
            throw new StudioCommandException($"No effect '{effectId}' on the cart.");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task PlayAdsAsync(IReadOnlyList<string> adIds, bool resumeMusic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(adIds);
        var ads = adIds.Select(id => _ads.Find(id) ?? throw new StudioCommandException($"No ad '{id}' in the ads folder.")).ToArray();
        if (ads.Length == 0)
        {
            throw new StudioCommandException("Pick at least one ad.");
        }

        AdBreak adBreak;
        Task<bool> playing;
        string? resumeId;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_adBreak is { Finished: false })
            {
                throw new StudioCommandException("An ad break is already playing.");
            }

            adBreak = AdBreak.FromFiles(ads.Select(a => a.Path), AdLeadIn);
            try
            {
                await adBreak.PrimeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (MediaDecodeException error)
            {
                adBreak.Dispose();
                throw new StudioCommandException($"The ad break could not start: {error.Message}");
            }

            // The music fades over the same second the break waits before its first ad.
            resumeId = resumeMusic ? _playingId : null;
            _graph.Music.FadeOut(AdLeadIn);
            DisposeLater(_playing, AdLeadIn);
            (_playing, _playingId) = (null, null);
            _adBreak?.Dispose();
            _adBreak = adBreak;
            playing = _graph.Ads.Play(adBreak);
        }
        finally
        {
            _gate.Release();
        }

        Log.AdBreak(_logger, ads.Length);
        var titles = string.Join(" · ", ads.Select(a => a.Title));
        await ReportAsync(a => a with { AdPlaying = titles, NowPlaying = null }).ConfigureAwait(false);
        _ = FollowAdBreakAsync(adBreak, playing, resumeId);
    }

    /// <inheritdoc />
    public async Task StopAdsAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The break is over for good: a new one may start, and the stopped one doesn't bring the music back.
            _graph.Ads.Stop();
            _adBreak?.Dispose();
            _adBreak = null;
        }
        finally
        {
            _gate.Release();
        }

        await ReportAsync(a => a with { AdPlaying = null }).ConfigureAwait(false);
    }

    private async Task FollowAdBreakAsync(AdBreak adBreak, Task<bool> playing, string? resumeId)
    {
        // Completes when the last ad has played out (true) or the host stopped the break (false).
        await playing.ConfigureAwait(false);
        await ReportAsync(a => a with { AdPlaying = null }).ConfigureAwait(false);
        if (resumeId is not null && ReferenceEquals(_adBreak, adBreak) && _playing is null)
        {
            try
            {
                await PlayTrackAsync(resumeId).ConfigureAwait(false);
            }
            catch (StudioCommandException error)
            {
                Log.MediaProblem(_logger, error.Message);
            }
        }
    }

    private async Task<TrackSource> OpenAsync(string path, bool loop, CancellationToken cancellationToken)
    {
        var source = new TrackSource(path, new TrackSourceOptions { Loop = loop, Gain = _volume });
        try
        {
            if (!await source.PrimeAsync(cancellationToken: cancellationToken).ConfigureAwait(false) && source.Error is { } error)
            {
                throw new MediaDecodeException(error);
            }

            return source;
        }
        catch (MediaDecodeException error)
        {
            source.Dispose();
            throw new StudioCommandException($"'{Path.GetFileName(path)}' cannot be played: {error.Message}");
        }
    }

    private static void DisposeLater(TrackSource? source, TimeSpan after)
    {
        if (source is null)
        {
            return;
        }

        // The crossfader keeps reading the old track until its fade is over; its decoder goes after that.
        _ = Task.Delay(after + TimeSpan.FromSeconds(1), CancellationToken.None).ContinueWith(_ => source.Dispose(), TaskScheduler.Default);
    }

    private Task OnStateAsync(StudioState state)
    {
        // Ring as a caller goes to air (not for every caller joining the queue: a busy night would ring
        // over the whole show), hang up as an on-air caller leaves.
        var onAir = state.Lines.Where(l => l.IsOnAir).Select(l => l.Id).ToImmutableHashSet(StringComparer.Ordinal);
        var lines = state.Lines.Select(l => l.Id).ToImmutableHashSet(StringComparer.Ordinal);
        if (_options.PhoneEventSounds && state.OnAir)
        {
            if (onAir.Any(id => !_onAirLines.Contains(id)))
            {
                _cart.Fire(BuiltInSounds.Ring);
            }

            if (_onAirLines.Any(id => !lines.Contains(id)))
            {
                _cart.Fire(BuiltInSounds.Hangup);
            }
        }

        _onAirLines = onAir;
        return Task.CompletedTask;
    }

    private void OnCallerRefused()
    {
        if (_options.PhoneEventSounds && _engine.Current.OnAir)
        {
            _cart.Fire(BuiltInSounds.Busy);
        }
    }

    private async Task ReportAsync(Func<AudioStatus, AudioStatus> update)
    {
        try
        {
            await _engine.UpdateAudioStatusAsync(update).ConfigureAwait(false);
        }
        catch (StudioCommandException)
        {
            // The engine has stopped: nobody is left to show it to.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(310, LogLevel.Warning, "Media: {Problem}")]
        public static partial void MediaProblem(ILogger logger, string problem);

        [LoggerMessage(311, LogLevel.Information, "Music: {Title}")]
        public static partial void Playing(ILogger logger, string title);

        [LoggerMessage(312, LogLevel.Information, "Ad break: {Count} ad(s), music faded")]
        public static partial void AdBreak(ILogger logger, int count);
    }
}
