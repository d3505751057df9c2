using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.Show.Memory;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Show.Memory;

/// <summary>A real engine on a real SQLite file with show memory's stores, recorder, summariser and regulars around it.</summary>
internal sealed class MemoryRig : IAsyncDisposable
{
    private MemoryRig(EngineHarness harness, FakeLlm llm, ShowMemoryOptions options)
    {
        Harness = harness;
        Llm = llm;
        Database = new MemoryDatabase(Options.Create(new StorageOptions { Path = harness.DataFolder }), harness.Repository);
        Records = new SqliteCallRecordStore(Database);
        History = new ShowHistory(harness.Engine, Records);
        Summariser = new CallSummariser(Records, History, llm, harness.Time, Options.Create(options), NullLogger<CallSummariser>.Instance);
        Recorder = new CallRecorder(harness.Engine, Database, Records, History, Summariser, harness.Time, NullLogger<CallRecorder>.Instance);
        Regulars = new Regulars(new SqliteRegularStore(Database), Records, History, harness.Time, Options.Create(options), NullLogger<Regulars>.Instance);
    }

    public EngineHarness Harness { get; }

    public FakeLlm Llm { get; }

    public MemoryDatabase Database { get; }

    public SqliteCallRecordStore Records { get; }

    public ShowHistory History { get; }

    public CallSummariser Summariser { get; }

    public CallRecorder Recorder { get; }

    public Regulars Regulars { get; }

    public static async Task<MemoryRig> StartAsync(string dataFolder, FakeLlm llm, FakeTimeProvider? time = null, ShowMemoryOptions? options = null)
    {
        var harness = await EngineHarness.StartAsync(dataFolder, time);
        // The fake clock stands still: summaries start at once unless a test asks for a settle time.
        var rig = new MemoryRig(harness, llm, options ?? new ShowMemoryOptions { SummarySettleSeconds = 0 });
        await rig.History.StartAsync(CancellationToken.None);
        await rig.Summariser.StartAsync(CancellationToken.None);
        await rig.Recorder.StartAsync(CancellationToken.None);
        return rig;
    }

    /// <summary>A phone caller rings, is taken on air and says <paramref name="lines"/> with the host; returns the line id.</summary>
    public async Task<string> PhoneCallOnAirAsync(string number)
    {
        var engine = Harness.Engine;
        var id = "L" + Guid.NewGuid().ToString("N")[..8];
        await engine.AddIncomingCallAsync(new PhoneLineState(id, number, null, null, null, LineStatus.Ringing, Harness.Time.GetUtcNow(), null, 0, null) { CallSid = "CA" + id });
        await engine.LineConnectedAsync(id);
        await engine.TakeCallAsync(id);
        await engine.WaitForAsync(s => s.Lines.Any(l => l.Id == id && l.IsOnAir), TimeSpan.FromSeconds(30));
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await Recorder.StopAsync(CancellationToken.None);
        await Summariser.StopAsync(CancellationToken.None);
        await History.StopAsync(CancellationToken.None);
        Recorder.Dispose();
        History.Dispose();
        Summariser.Dispose();
        await Harness.DisposeAsync();
        Database.Dispose();
    }
}
