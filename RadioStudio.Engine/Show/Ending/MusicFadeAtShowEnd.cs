using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Show.Ending;

/// <summary>
/// Going OFF AIR fades the music bed out (the 2 s stop fade), so the end of a show does not leave the bed playing
/// into the silence after it. It reacts to snapshots like the phone system does; it never changes state itself.
/// </summary>
public sealed partial class MusicFadeAtShowEnd(IStudioStore store, IAudioDesk desk, ILogger<MusicFadeAtShowEnd> logger) : IHostedService
{
    private IDisposable? _subscription;
    private bool _wasOnAir;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _wasOnAir = store.Current.OnAir;
        _subscription = store.Subscribe(OnStateAsync, TimeSpan.Zero);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    internal async Task OnStateAsync(StudioState state)
    {
        var ended = _wasOnAir && !state.OnAir;
        _wasOnAir = state.OnAir;
        if (!ended || state.Audio.NowPlaying is null)
        {
            return;
        }

        try
        {
            await desk.StopMusicAsync().ConfigureAwait(false);
            Log.MusicFaded(logger);
        }
        catch (StudioCommandException error)
        {
            Log.FadeFailed(logger, error.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1510, Level = LogLevel.Information, Message = "OFF AIR: music faded out")]
        public static partial void MusicFaded(ILogger logger);

        [LoggerMessage(EventId = 1511, Level = LogLevel.Warning, Message = "OFF AIR: could not fade the music out: {Reason}")]
        public static partial void FadeFailed(ILogger logger, string reason);
    }
}
