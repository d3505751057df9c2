using System.Collections.Concurrent;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Tests.Support;

/// <summary>Records the audio commands a page sends, in order.</summary>
public sealed class FakeAudioDesk : IAudioDesk
{
    private readonly ConcurrentQueue<string> _commands = new();

    public IReadOnlyList<string> Commands => [.. _commands];

    /// <summary>When set, every command is recorded and then refused with this message, as the real desk refuses a bad file.</summary>
    public string? RefuseWith { get; set; }

    public Task PlayTrackAsync(string trackId, CancellationToken cancellationToken = default) => Record($"play:{trackId}");

    public Task StopMusicAsync(CancellationToken cancellationToken = default) => Record("stop-music");

    public Task SetMusicVolumeAsync(float volume, CancellationToken cancellationToken = default) =>
        Record(FormattableString.Invariant($"volume:{volume:F2}"));

    public Task SetLoopAsync(bool loop, CancellationToken cancellationToken = default) => Record($"loop:{loop}");

    public Task SetDuckingAsync(bool ducking, CancellationToken cancellationToken = default) => Record($"ducking:{ducking}");

    public Task SetMusicToCallersAsync(bool enabled, CancellationToken cancellationToken = default) => Record($"music-to-callers:{enabled}");

    public Task FireEffectAsync(string effectId, CancellationToken cancellationToken = default) => Record($"fire:{effectId}");

    public Task PlayAdsAsync(IReadOnlyList<string> adIds, bool resumeMusic, CancellationToken cancellationToken = default) =>
        Record($"ads:{string.Join(",", adIds)}:{resumeMusic}");

    public Task StopAdsAsync(CancellationToken cancellationToken = default) => Record("stop-ads");

    public Task RescanAsync(CancellationToken cancellationToken = default) => Record("rescan");

    private Task Record(string command)
    {
        _commands.Enqueue(command);
        return RefuseWith is { } reason ? Task.FromException(new StudioCommandException(reason)) : Task.CompletedTask;
    }
}
