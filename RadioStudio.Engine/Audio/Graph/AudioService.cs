using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio.Routing;
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
    private IDisposable? _subscription;
    private RoutingTable? _routing;
    private int _stopped;

    /// <summary>Creates the service around <paramref name="graph"/>.</summary>
    public AudioService(StudioEngine engine, AudioGraph graph, AudioClock clock, IOptions<AudioOptions> options, ILogger<AudioService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(graph);
        _engine = engine;
        Graph = graph;
        _clock = clock;
        _logger = logger;
        graph.MusicToCallers = options.Value.MusicToCallers;
        graph.MusicDucker.Enabled = options.Value.Ducking;
        graph.MusicDucker.DepthDb = options.Value.DuckDepthDb;
    }

    /// <summary>The studio mix.</summary>
    public AudioGraph Graph { get; }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _clock.Add(Graph);
        _clock.Start();
        _subscription = _engine.Subscribe(OnStateAsync, TimeSpan.Zero);
        Log.Started(_logger, Graph.Buses.Length);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _subscription?.Dispose();
            _clock.Remove(Graph);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private Task OnStateAsync(StudioState state)
    {
        if (state.Routing != _routing)
        {
            _routing = state.Routing;
        }

        return Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(300, LogLevel.Information, "Audio graph running: {Buses} buses, 20 ms blocks at 48 kHz")]
        public static partial void Started(ILogger logger, int buses);
    }
}
