using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;

namespace RadioStudio.Engine.Screening;

/// <summary>
/// Starts an AI screener for every caller who reaches the hold queue (<c>Screening:Enabled</c>), all in parallel,
/// and stops one the moment its caller leaves the queue (taken to air, dropped, gone) or a human takes it over: its
/// voice is cut from the next 20 ms block and Twilio is told to <c>clear</c> what it has buffered. Fed by engine
/// snapshots with no throttle, so the cut follows the take within a block or two.
/// </summary>
public sealed partial class ScreeningService : IHostedService, IAsyncDisposable
{
    private readonly StudioEngine _studio;
    private readonly PhoneSystem _phones;
    private readonly ScreeningProviderGate _gate;
    private readonly ScreeningOptions _options;
    private readonly ScreenerContext _context;
    private readonly ILogger<ScreeningService> _logger;
    private readonly ConcurrentDictionary<string, Screener> _running = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private IDisposable? _subscription;

    /// <summary>Creates the service.</summary>
    public ScreeningService(
        StudioEngine studio, PhoneSystem phones, ScreeningProviderGate gate, ScreeningExtractor extractor, IKnownCallerLookup knownCallers,
        ITextToSpeech speech, ISpeechToText recognition, IOptions<ScreeningOptions> options, IOptions<StudioOptions> studioOptions,
        IOptions<StorageOptions> storage, TimeProvider time, ILogger<ScreeningService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _studio = studio;
        _phones = phones;
        _gate = gate;
        _options = options.Value;
        _logger = logger;
        Clips = new ScreeningClips(Path.Combine(storage.Value.FullPath, "screening"));
        _context = new ScreenerContext(
            _options, time, new ScreenerVoice(speech, gate, _options.Voice), recognition, extractor, gate, knownCallers, Clips,
            () => studioOptions.Value.ShowTitle,
            id => _studio.Current.Lines.Find(l => l.Id == id),
            (id, screening, name, topic, token) => _studio.UpdateScreeningAsync(id, screening, name, topic, token),
            logger);
    }

    /// <summary>The answers' audio clips.</summary>
    public ScreeningClips Clips { get; }

    /// <summary>Whether the AI screener is talking to this line now.</summary>
    public bool IsScreening(string lineId) => _running.ContainsKey(lineId);

    /// <summary>Screeners running now (for tests and the bench).</summary>
    public int ActiveScreeners => _running.Count;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = _studio.Subscribe(state =>
        {
            OnState(state);
            return Task.CompletedTask;
        }, TimeSpan.Zero);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        foreach (var id in _running.Keys.ToList())
        {
            Stop(id, clearTwilio: false);
        }

        var left = _running.Values.Select(r => r.Task).ToList();
        await Task.WhenAll(left).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private void OnState(StudioState state)
    {
        _gate.OnState(state);
        foreach (var (id, _) in _running)
        {
            var line = state.Lines.Find(l => l.Id == id);
            if (line is null || !line.IsQueued || line.Screening is { TakenOver: true })
            {
                Stop(id, clearTwilio: line is not null);
            }
        }

        if (!_options.Enabled)
        {
            return;
        }

        foreach (var line in state.Lines)
        {
            // A line whose media stream has not connected yet is looked at again with the next snapshot (a tick at most).
            if (line.Status is LineStatus.Holding && line.Screening is null && !_running.ContainsKey(line.Id)
                && _phones.FindLine(line.Id) is { Connected: true } phone && _seen.Add(line.Id))
            {
                Start(line, phone);
            }
        }
    }

    private void Start(PhoneLineState line, PhoneLine phone)
    {
        var audio = new ScreenerLineAudio(phone.Codec, _options.HoldDuckDb, TimeSpan.FromMilliseconds(_options.EchoTailMilliseconds));
        phone.HoldOverlay = audio;
        var stop = new CancellationTokenSource();
        var screener = new LineScreener(_context, line.Id, line.Number, audio);
        var running = new Screener(audio, phone, stop);
        _running[line.Id] = running;
        running.Task = Task.Run(async () =>
        {
            try
            {
                await screener.RunAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // One screener's fault never reaches another line or the show.
                LogFailed(_logger, line.Id, error.Message);
            }
            finally
            {
                if (_running.TryRemove(new KeyValuePair<string, Screener>(line.Id, running)))
                {
                    phone.HoldOverlay = null;
                }

                stop.Dispose();
            }
        }, CancellationToken.None);
        LogStarted(_logger, line.Id);
    }

    private void Stop(string lineId, bool clearTwilio)
    {
        if (!_running.TryRemove(lineId, out var running))
        {
            return;
        }

        running.Audio.Cut();
        running.Phone.HoldOverlay = null;
        if (clearTwilio)
        {
            running.Phone.Session?.Clear();
        }

        try
        {
            running.Stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It had finished on its own.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "AI screener greeting the caller on line {LineId}")]
    private static partial void LogStarted(ILogger logger, string lineId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI screener on line {LineId} stopped: {Reason}")]
    private static partial void LogFailed(ILogger logger, string lineId, string reason);

    private sealed class Screener(ScreenerLineAudio audio, PhoneLine phone, CancellationTokenSource stop)
    {
        public ScreenerLineAudio Audio { get; } = audio;

        public PhoneLine Phone { get; } = phone;

        public CancellationTokenSource Stop { get; } = stop;

        public Task Task { get; set; } = Task.CompletedTask;
    }
}
