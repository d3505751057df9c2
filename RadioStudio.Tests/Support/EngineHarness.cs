using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Tests.Support;

/// <summary>A real engine on a real SQLite file in a temp folder, on a fake clock.</summary>
public sealed class EngineHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 24, 22, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory? _ownedFolder;

    private EngineHarness(string dataFolder, FakeTimeProvider time, StudioOptions options, TempDirectory? ownedFolder, bool eventLog)
    {
        _ownedFolder = ownedFolder;
        DataFolder = dataFolder;
        Time = time;
        Repository = new SqliteStudioRepository(Options.Create(new StorageOptions { Path = dataFolder }));
        Sink = new StudioEventLogSink(time);
        // Forwarding to the event log makes state change in the background; only tests of the log want that.
        Logger = new RecordingLogger<StudioEngine>(eventLog ? new StudioEventLogProvider(Sink).CreateLogger(typeof(StudioEngine).FullName!) : null);
        Engine = new StudioEngine(Repository, Sink, time, Options.Create(options), Logger);
    }

    public string DataFolder { get; }

    public FakeTimeProvider Time { get; }

    public SqliteStudioRepository Repository { get; }

    public StudioEventLogSink Sink { get; }

    public RecordingLogger<StudioEngine> Logger { get; }

    public StudioEngine Engine { get; }

    public static async Task<EngineHarness> StartAsync(
        string? dataFolder = null, FakeTimeProvider? time = null, StudioOptions? options = null, bool eventLog = false)
    {
        var owned = dataFolder is null ? new TempDirectory() : null;
        var harness = new EngineHarness(dataFolder ?? owned!.Path, time ?? new FakeTimeProvider(Epoch), options ?? new StudioOptions(), owned, eventLog);
        await harness.Engine.StartAsync(CancellationToken.None);
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        Repository.Dispose();
        _ownedFolder?.Dispose();
    }
}
