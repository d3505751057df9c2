namespace RadioStudio.Engine.Audio.Graph;

/// <summary>
/// The console's audio controls: music beds, the effects cart and ads. Each call acts on the graph at once
/// (the change lands at the next 20 ms block) and reports what is playing through the studio state.
/// </summary>
public interface IAudioDesk
{
    /// <summary>Plays a track: crossfades (3 s, equal power) from the one playing, or starts it cleanly.</summary>
    /// <exception cref="Studio.StudioCommandException">No such track, or it cannot be decoded.</exception>
    Task PlayTrackAsync(string trackId, CancellationToken cancellationToken = default);

    /// <summary>Fades the music out over 2 s.</summary>
    Task StopMusicAsync(CancellationToken cancellationToken = default);

    /// <summary>Music volume, 0–1 (smoothed, no zipper noise).</summary>
    Task SetMusicVolumeAsync(float volume, CancellationToken cancellationToken = default);

    /// <summary>Whether the playing track (and the next ones) loop.</summary>
    Task SetLoopAsync(bool loop, CancellationToken cancellationToken = default);

    /// <summary>Music dips under speech or not.</summary>
    Task SetDuckingAsync(bool ducking, CancellationToken cancellationToken = default);

    /// <summary>Whether on-air callers hear the music bed.</summary>
    Task SetMusicToCallersAsync(bool enabled, CancellationToken cancellationToken = default);

    /// <summary>Fires a cart effect (overlapping one-shots are fine).</summary>
    /// <exception cref="Studio.StudioCommandException">No such effect.</exception>
    Task FireEffectAsync(string effectId, CancellationToken cancellationToken = default);

    /// <summary>Ad break: music fades out over 1 s, the ads play once each on the ads channel, then the music resumes if asked.</summary>
    /// <exception cref="Studio.StudioCommandException">An ad is unknown or cannot be decoded, or a break is already playing.</exception>
    Task PlayAdsAsync(IReadOnlyList<string> adIds, bool resumeMusic, CancellationToken cancellationToken = default);

    /// <summary>Stops the ad break at once.</summary>
    Task StopAdsAsync(CancellationToken cancellationToken = default);

    /// <summary>Rescans the music, effects and ads folders.</summary>
    Task RescanAsync(CancellationToken cancellationToken = default);
}
