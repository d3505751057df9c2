using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio.Devices;
using RadioStudio.Engine.Audio.Recording;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Audio.Graph;

/// <summary>
/// Runs the <see cref="AudioGraph"/> on the <see cref="AudioClock"/> and keeps its outputs in step with the
/// studio state: the routing table (device by name), and stems that follow ON AIR. It reacts to state the
/// engine publishes, like the phone system does, so the pages and the audio never disagree.
/// </summary>
public sealed partial class AudioService : IHostedService, IAsyncDisposable
{
    private readonly StudioEngine _engine;
    private readonly AudioClock _clock;
    private readonly ILogger<AudioService> _logger;
    private readonly AudioOptions _options;
    private Diagnostics.RuntimePauseMonitor? _suspensions;
    private readonly string _stemsFolder;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private IDisposable? _subscription;
    private RoutingTable? _routing;
    private readonly DeviceOutputFollower _output;
    private DeviceCapture? _capture;
    private bool _recording;
    private int _stopped;
    private readonly Telephony.HoldFeed _hold;

    /// <summary>Creates the service around <paramref name="graph"/>.</summary>
    public AudioService(
        StudioEngine engine, AudioGraph graph, AudioClock clock, StemRecorder stems, HostMicrophone mic, IOptions<AudioOptions> options,
        IOptions<StorageOptions> storage, ILoggerFactory loggers, TimeProvider time, Telephony.HoldFeed hold)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _hold = hold;
        _loggers = loggers;
        _time = time;
        var logger = loggers.CreateLogger<AudioService>();
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(graph);
        _engine = engine;
        Graph = graph;
        Stems = stems;
        _clock = clock;
        _logger = logger;
        _options = options.Value;
        _stemsFolder = AudioOptions.Resolve(storage.Value.FullPath, _options.StemsFolder);
        Mic = mic;
        _output = new DeviceOutputFollower(graph, loggers, time, ReportAsync);
        graph.MusicToCallers = options.Value.MusicToCallers;
        graph.MusicDucker.Enabled = options.Value.Ducking;
        graph.MusicDucker.DepthDb = options.Value.DuckDepthDb;
    }

    /// <summary>The studio mix.</summary>
    public AudioGraph Graph { get; }

    /// <summary>The host's microphone (browser or device), one capture for every consumer.</summary>
    public HostMicrophone Mic { get; }

    /// <summary>The multichannel device output, while one is chosen.</summary>
    public DeviceOutput? Device => _output.Device;

    /// <summary>The stem recorder (one WAV per bus while ON AIR).</summary>
    public StemRecorder Stems { get; }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // 40 ms cushion: browser chunks arrive with network jitter.
        _ = Graph.HostMic.Play(Mic.Capture.Subscribe(prefillSamples: 1_920));
        Mic.SourceChanged += OnMicSource;
        if (!string.IsNullOrWhiteSpace(_options.InputDevice))
        {
            Mic.UseDevice(_options.InputDevice);
            _capture = new DeviceCapture(_options.InputDevice, Mic.Capture, _loggers.CreateLogger<DeviceCapture>(), _time);
            _capture.Start();
        }

        Stems.Prepare(Graph.Buses);
        Graph.AddOutput(Stems);
        Stems.StatusChanged += OnStemsStatus;
        _clock.Add(Graph);
        _suspensions = _options.DiagnoseClock ? new Diagnostics.RuntimePauseMonitor() : null;
        _clock.WatchThreadUsage = _options.DiagnoseClock;
        _clock.Standby = _options.StandbyClock;

        // Logged once per clock thread, before the first block, from the thread itself.
        _clock.Started += thread =>
        {
            _suspensions?.Watch(thread.OsThreadId);
            Log.ClockScheduling(_logger, thread.Standby ? "clock standby" : "clock", thread.Scheduling);
        };
        // The clock's code compiled here, not in its first block.
        var prepared = RealtimePath.Prepare();
        var ran = RealtimePath.WarmGraph(Graph.Buses.Count(b => b.Kind == BusKind.Phone), _hold);
        Log.RealtimePathPrepared(_logger, prepared.Methods, prepared.Types, prepared.Elapsed.TotalMilliseconds, prepared.Failed, ran.Elapsed.TotalMilliseconds);
        _clock.Start();
        _subscription = _engine.Subscribe(OnStateAsync, TimeSpan.Zero);
        Log.Started(_logger, Graph.Buses.Length);
        ClockDiagnostics.Gen0Budget(_logger);
        ClockDiagnostics.CodeMapping(_logger);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _subscription?.Dispose();
        _clock.Remove(Graph);
        ClockDiagnostics.ClockSummary(_logger, _clock.Stats, Graph.Stats);
        ClockDiagnostics.LateBlocks(_logger, _clock.Stats, _suspensions);
        ClockDiagnostics.SlowBlocks(_logger, Graph.Stats, _suspensions, _time);
        _suspensions?.Dispose();
        _output.Follow(null);
        _capture?.Dispose();
        Stems.StatusChanged -= OnStemsStatus;
        Mic.SourceChanged -= OnMicSource;

        // A take still running when the studio shuts down is finished properly: headers and manifest complete.
        if (await Stems.StopAsync().ConfigureAwait(false) is { } take)
        {
            Log.StemsStopped(_logger, take.Folder, take.Blocks / 50.0, take.Dropped);
        }

        Graph.RemoveOutput(Stems);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private async Task OnStateAsync(StudioState state)
    {
        if (state.Routing != _routing && Volatile.Read(ref _stopped) == 0)
        {
            _routing = state.Routing;
            _output.Follow(state.Routing);
        }

        // Stems follow ON AIR: one take per show segment, all buses from the same block.
        var record = state.OnAir && _options.RecordStems;
        if (record && !_recording)
        {
            // Every take of a show (a restart makes another) goes in the show's folder, where its export is written too.
            _recording = Stems.Start(state.Show is { } show ? Path.Combine(_stemsFolder, show.Id) : _stemsFolder, state.Show?.Title ?? "show");
        }
        else if (!record && _recording)
        {
            _recording = false;
            if (await Stems.StopAsync().ConfigureAwait(false) is { } take)
            {
                Log.StemsStopped(_logger, take.Folder, take.Blocks / 50.0, take.Dropped);
            }
        }
    }

    private void OnStemsStatus(StemRecorderStatus status)
    {
        var folder = status.State == StemRecorderState.Recording ? status.Folder : null;
        var problem = status.State == StemRecorderState.Failed ? status.Message : null;
        _ = ReportAsync(a => a.RecordingFolder == folder && a.RecordingProblem == problem ? a : a with { RecordingFolder = folder, RecordingProblem = problem });
    }

    private void OnMicSource(string? source) => _ = ReportAsync(a => a.HostMic == source ? a : a with { HostMic = source });

    private async Task ReportAsync(Func<AudioStatus, AudioStatus> update)
    {
        try
        {
            await _engine.UpdateAudioStatusAsync(update).ConfigureAwait(false);
        }
        catch (StudioCommandException)
        {
            // The engine has stopped: nobody is left to show the status to.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(300, LogLevel.Information, "Audio graph running: {Buses} buses, 20 ms blocks at 48 kHz")]
        public static partial void Started(ILogger logger, int buses);

        [LoggerMessage(303, LogLevel.Debug, "Audio {Thread} thread: {Scheduling}")]
        public static partial void ClockScheduling(ILogger logger, string thread, string scheduling);

        [LoggerMessage(301, LogLevel.Information, "Stems recorded to {Folder}: {Seconds:F1} s, {Dropped} block(s) dropped")]
        public static partial void StemsStopped(ILogger logger, string folder, double seconds, long dropped);

        [LoggerMessage(325, LogLevel.Debug, "Audio clock path compiled before the first block: {Methods} methods of {Types} types in {Ms:F0} ms ({Failed} could not be), then a throwaway graph run in {GraphMs:F0} ms")]
        public static partial void RealtimePathPrepared(ILogger logger, int methods, int types, double ms, int failed, double graphMs);
    }
}
