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
    private readonly NullOutput _nullOutput = new();
    private IDisposable? _subscription;
    private RoutingTable? _routing;
    private DeviceOutput? _device;
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
        graph.MusicToCallers = options.Value.MusicToCallers;
        graph.MusicDucker.Enabled = options.Value.Ducking;
        graph.MusicDucker.DepthDb = options.Value.DuckDepthDb;
    }

    /// <summary>The studio mix.</summary>
    public AudioGraph Graph { get; }

    /// <summary>The host's microphone (browser or device), one capture for every consumer.</summary>
    public HostMicrophone Mic { get; }

    /// <summary>The multichannel device output, while one is chosen.</summary>
    public DeviceOutput? Device => _device;

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
        LogGen0Budget(_logger);
        LogCodeMapping(_logger);
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
        LogClock(_logger, _clock.Stats, Graph.Stats);
        LogLateBlocks(_logger, _clock.Stats, _suspensions);
        LogSlowBlocks(_logger, Graph.Stats, _suspensions);
        _suspensions?.Dispose();
        ReplaceDevice(null);
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
            ReplaceDevice(state.Routing);
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

    /// <summary>Swaps the device output for one following <paramref name="routing"/> (or none); the old one closes off the audio thread.</summary>
    private void ReplaceDevice(RoutingTable? routing)
    {
        var old = _device;
        _device = null;
        if (old is not null)
        {
            Graph.RemoveOutput(old);
            old.StatusChanged -= OnDeviceStatus;
            old.Dispose();
        }

        Graph.RemoveOutput(_nullOutput);
        if (routing is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(routing.DeviceName))
        {
            // No device: the null output keeps the graph's consumers honest, the stems still record.
            Graph.AddOutput(_nullOutput);
            _ = ReportAsync(a => a with { OutputState = "Stems only", OutputWarning = null });
            return;
        }

        var device = new DeviceOutput(routing, _loggers.CreateLogger<DeviceOutput>(), _time);
        device.StatusChanged += OnDeviceStatus;
        _device = device;
        Graph.AddOutput(device);
        device.Start();
        OnDeviceStatus(device.Status);
    }

    private void OnDeviceStatus(DeviceStatus status)
    {
        var state = status.State switch
        {
            DeviceState.Running => $"Running: {status.DeviceName} ({status.Channels} ch)",
            DeviceState.Opening => $"Opening {status.DeviceName}…",
            DeviceState.Lost => $"Lost: {status.DeviceName}",
            DeviceState.Unavailable => $"Unavailable: {status.DeviceName}",
            _ => $"Off: {status.DeviceName}",
        };
        var warnings = new List<string>();
        if (status.FoldedBuses.Count > 0)
        {
            warnings.Add($"{string.Join(", ", status.FoldedBuses)} fold onto channel {status.Channels}: the device has only {status.Channels} outputs.");
        }

        if (status.State is DeviceState.Lost or DeviceState.Unavailable && status.Message is { } message)
        {
            warnings.Add(message + " The show goes on: stems and callers are unaffected; the device is retried.");
        }

        var warning = warnings.Count == 0 ? null : string.Join(" ", warnings);
        _ = ReportAsync(a => a.OutputState == state && a.OutputWarning == warning ? a : a with { OutputState = state, OutputWarning = warning });
    }

    /// <summary>
    /// One line at shutdown with how steadily the clock ran, including the whole interval histogram
    /// (non-empty 0.1 ms bins as bin:count) so a load run can report the distribution without an endpoint.
    /// </summary>
    private static void LogClock(ILogger logger, AudioClockStats stats, AudioGraphStats graph)
    {
        // A diagnostic, shown only when asked for (Logging:LogLevel:RadioStudio.Engine.Audio.Graph.AudioService = Debug).
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var bins = stats.Histogram();
        var histogram = string.Join(
            ' ',
            bins.Select((count, bin) => (count, bin)).Where(b => b.count > 0).Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.bin}:{b.count}")));
        var within = stats.ShareWithin(AudioClock.BlockDuration, TimeSpan.FromMilliseconds(2));
        Log.ClockStats(logger, stats.Blocks, within * 100, stats.MaxInterval.TotalMilliseconds, stats.Skipped, stats.Faults, graph.Mean.TotalMilliseconds, graph.Max.TotalMilliseconds, histogram);
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration().TotalMilliseconds;
        var allocatedMiB = GC.GetTotalAllocatedBytes() / 1048576.0;
        Log.ClockCollections(logger, stats.Late, stats.LateWithCollection, gen0, gen1, gen2, pause, allocatedMiB);
    }

    /// <summary>
    /// With W^X (the runtime's default) code the JIT compiles later — the optimised versions of the clock's hot
    /// methods — is written through one mapping and run through another, so its first run on the clock thread takes
    /// page faults (9 in one 29 ms block here). The run profile turns it off (runbook "Executable memory").
    /// </summary>
    private static void LogCodeMapping(ILogger logger)
    {
        if (Environment.GetEnvironmentVariable("DOTNET_EnableWriteXorExecute") == "0")
        {
            Log.WriteXorExecuteOff(logger);
        }
        else
        {
            Log.WriteXorExecuteOn(logger);
        }
    }

    /// <summary>
    /// Every collection stops the audio clock thread too, so the studio is meant to run with a large gen0 budget
    /// (<c>DOTNET_GCgen0size</c>, set by the run profile; runbook "Garbage collection"): says which it got.
    /// </summary>
    private static void LogGen0Budget(ILogger logger)
    {
        var configured = Environment.GetEnvironmentVariable("DOTNET_GCgen0size");
        if (configured is not null && long.TryParse(configured.Replace("0x", "", StringComparison.OrdinalIgnoreCase), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var bytes))
        {
            Log.Gen0Budget(logger, bytes / 1048576);
        }
        else
        {
            Log.Gen0BudgetDefault(logger);
        }
    }

    /// <summary>With <c>Audio:DiagnoseClock</c>: one line per late block with the runtime suspensions that overlap it.</summary>
    private static void LogLateBlocks(ILogger logger, AudioClockStats stats, Diagnostics.RuntimePauseMonitor? suspensions)
    {
        if (suspensions is null || !logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var all = suspensions.Snapshot();
        var longest = all.Count == 0 ? 0 : all.Max(s => s.Duration.TotalMilliseconds);
        var byReason = string.Join(", ", all.GroupBy(s => s.Reason).Select(g => string.Create(
            CultureInfo.InvariantCulture, $"{g.Key} × {g.Count()} (max {g.Max(s => s.Duration.TotalMilliseconds):F1} ms, {g.Count(s => s.Duration.TotalMilliseconds > 2)} over 2 ms)")));
        Log.Suspensions(logger, suspensions.Count, longest, byReason);
        foreach (var late in stats.LateBlocks())
        {
            // The interval ran from the previous block's start to this one's; allow 1 ms for the two clocks' skew.
            var from = late.StartedUtc - late.Interval - TimeSpan.FromMilliseconds(1);
            var overlapping = suspensions.Overlapping(from, late.StartedUtc + TimeSpan.FromMilliseconds(1));
            var what = string.Join("; ", overlapping.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Reason} {s.Duration.TotalMilliseconds:F1} ms (stopping threads {s.Stopping.TotalMilliseconds:F1}) at {s.Start:HH:mm:ss.fff}"))
                .Concat(suspensions.ThreadEvents(from, late.StartedUtc).Select(Describe)));
            what = what.Length == 0 ? "none" : what;
            var at = late.StartedUtc.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
            var usage = late.Usage;
            Log.LateBlock(logger, at, late.Interval.TotalMilliseconds, late.ByStandby ? "standby" : "clock", late.PreviousWork.TotalMilliseconds, late.Collected,
                usage.MinorFaults, usage.MajorFaults, usage.VoluntarySwitches, usage.InvoluntarySwitches, what);
        }
    }

    private static string Describe(Diagnostics.ClockThreadEvent e) => string.Create(CultureInfo.InvariantCulture, $"{e.What} {e.Duration.TotalMilliseconds:F1} ms at {e.Start:HH:mm:ss.fff}");

    /// <summary>With <c>Audio:DiagnoseClock</c>: one line per slow graph block, phase by phase.</summary>
    private void LogSlowBlocks(ILogger logger, AudioGraphStats stats, Diagnostics.RuntimePauseMonitor? suspensions)
    {
        if (suspensions is null || !logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var (nowTicks, nowUtc) = (Stopwatch.GetTimestamp(), _time.GetUtcNow().UtcDateTime);
        foreach (var slow in stats.SlowBlocks())
        {
            var start = nowUtc - Stopwatch.GetElapsedTime(slow.StartTimestamp, nowTicks);
            var end = start + TimeSpan.FromMilliseconds(slow.VoicesMs + slow.MusicMs + slow.ProgramMs + slow.ReturnsMs + slow.OutputsMs);
            var events = string.Join("; ", suspensions.ThreadEvents(start - TimeSpan.FromMilliseconds(1), end + TimeSpan.FromMilliseconds(1))
                .Select(Describe));
            Log.SlowBlock(logger, start.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture), slow.VoicesMs, slow.MusicMs, slow.ProgramMs, slow.ReturnsMs, slow.OutputsMs, events.Length == 0 ? "none" : events);
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

        [LoggerMessage(320, LogLevel.Information, "Audio clock suspensions: {Count} runtime suspensions of all threads, longest {LongestMs:F1} ms; {ByReason}")]
        public static partial void Suspensions(ILogger logger, long count, double longestMs, string byReason);

        [LoggerMessage(321, LogLevel.Information, "Audio clock late block at {At}: interval {IntervalMs:F1} ms, run by the {Thread} thread, previous block's work {WorkMs:F1} ms, GC counted {Collected}, that thread's page faults {MinorFaults} minor / {MajorFaults} major, context switches {Voluntary} voluntary / {Involuntary} involuntary; overlapping suspensions and clock-thread JIT/lock waits: {Suspensions}")]
        public static partial void LateBlock(ILogger logger, string at, double intervalMs, string thread, double workMs, bool collected, long minorFaults, long majorFaults, long voluntary, long involuntary, string suspensions);

        [LoggerMessage(322, LogLevel.Information, "Audio graph slow block at {At}: voices {VoicesMs:F1} ms, music {MusicMs:F1}, program {ProgramMs:F1}, returns {ReturnsMs:F1}, outputs {OutputsMs:F1}; clock-thread JIT/lock waits in it: {Events}")]
        public static partial void SlowBlock(ILogger logger, string at, double voicesMs, double musicMs, double programMs, double returnsMs, double outputsMs, string events);

        [LoggerMessage(326, LogLevel.Information, "Executable memory: W^X off (DOTNET_EnableWriteXorExecute=0): code optimised later runs on the audio clock without page faults")]
        public static partial void WriteXorExecuteOff(ILogger logger);

        [LoggerMessage(327, LogLevel.Debug, "Executable memory: W^X on: code the runtime optimises later takes page faults on its first run on the audio clock (a late block each time); set DOTNET_EnableWriteXorExecute=0 as the run profile does (runbook, \"Executable memory\")")]
        public static partial void WriteXorExecuteOn(ILogger logger);

        [LoggerMessage(323, LogLevel.Information, "Garbage collector: gen0 budget {MiB} MiB (DOTNET_GCgen0size): the steady garbage of a show triggers no collection for minutes")]
        public static partial void Gen0Budget(ILogger logger, long miB);

        [LoggerMessage(324, LogLevel.Debug, "Garbage collector: default gen0 budget (a few MiB, a collection every few minutes that stops the audio clock); set DOTNET_GCgen0size=0x10000000 as the run profile does (runbook, \"Garbage collection\")")]
        public static partial void Gen0BudgetDefault(ILogger logger);

        [LoggerMessage(303, LogLevel.Debug, "Audio {Thread} thread: {Scheduling}")]
        public static partial void ClockScheduling(ILogger logger, string thread, string scheduling);

        [LoggerMessage(301, LogLevel.Information, "Stems recorded to {Folder}: {Seconds:F1} s, {Dropped} block(s) dropped")]
        public static partial void StemsStopped(ILogger logger, string folder, double seconds, long dropped);

        [LoggerMessage(325, LogLevel.Debug, "Audio clock path compiled before the first block: {Methods} methods of {Types} types in {Ms:F0} ms ({Failed} could not be), then a throwaway graph run in {GraphMs:F0} ms")]
        public static partial void RealtimePathPrepared(ILogger logger, int methods, int types, double ms, int failed, double graphMs);

        [LoggerMessage(319, LogLevel.Information, "Audio clock GC: {Late} late blocks, {LateWithGc} of them with a garbage collection in the interval; collections gen0 {Gen0} / gen1 {Gen1} / gen2 {Gen2}, {PauseMs:F0} ms paused in total, {AllocatedMiB:F0} MiB allocated since start")]
        public static partial void ClockCollections(ILogger logger, long late, long lateWithGc, int gen0, int gen1, int gen2, double pauseMs, double allocatedMiB);

        [LoggerMessage(302, LogLevel.Debug, "Audio clock: {Blocks} blocks, {WithinPercent:F3} % within 20 ± 2 ms, longest {MaxMs:F1} ms, {Skipped} skipped, {Faults} client faults, graph {GraphMeanMs:F3} ms mean / {GraphMaxMs:F1} ms max per block; intervals (0.1 ms bin:count) {Histogram}")]
        public static partial void ClockStats(ILogger logger, long blocks, double withinPercent, double maxMs, long skipped, long faults, double graphMeanMs, double graphMaxMs, string histogram);
    }
}
