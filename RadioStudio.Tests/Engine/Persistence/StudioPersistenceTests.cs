using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Persistence;

public sealed class StudioPersistenceTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Restart_MidShow_RestoresShowTranscriptOnAirAndSettings()
    {
        var time = new FakeTimeProvider(EngineHarness.Epoch);
        string showId;
        await using (var first = await EngineHarness.StartAsync(_folder.Path, time))
        {
            await first.Engine.SetOnAirAsync(true);
            showId = first.Engine.Current.Show!.Id;
            time.Advance(TimeSpan.FromSeconds(10));
            await first.Engine.AddHostLineAsync("Welcome back.");
            time.Advance(TimeSpan.FromSeconds(5));
            await first.Engine.AddTranscriptEntryAsync("Ann", PartyKind.Phone, "Hi, long-time listener.");
            await first.Engine.AddTranscriptEntryAsync("Studio", PartyKind.System, "Line 2 dropped");
            await first.Engine.SetRespondModeAsync(RespondMode.Auto);
            await first.Engine.SetAutoFollowUpAsync(true);
        }

        time.Advance(TimeSpan.FromMinutes(3));
        await using var second = await EngineHarness.StartAsync(_folder.Path, time);
        var state = second.Engine.Current;

        Assert.True(state.OnAir);
        Assert.Equal(showId, state.Show!.Id);
        Assert.Equal(EngineHarness.Epoch, state.Show.Started);
        Assert.Equal(
            [("Host", PartyKind.Host, "Welcome back.", 10.0), ("Ann", PartyKind.Phone, "Hi, long-time listener.", 15.0), ("Studio", PartyKind.System, "Line 2 dropped", 15.0),
             ("Studio", PartyKind.System, "The studio was off the air for 3 min 00 s here (a restart); the show clock leaves that time out.", 15.0)],
            state.Transcript.Select(e => (e.Speaker, e.Kind, e.Text, e.Start.TotalSeconds)));
        Assert.Equal(RespondMode.Auto, state.RespondMode);
        Assert.True(state.AutoFollowUp);
        Assert.Equal(TimeSpan.FromMinutes(3), state.Show.Downtime);

        // The show clock carries on from where it stopped: the three minutes down are not counted.
        time.Advance(TimeSpan.FromSeconds(1));
        var ticked = await second.Engine.WaitForAsync(s => s.Now > EngineHarness.Epoch.AddMinutes(3).AddSeconds(15));
        Assert.Equal(TimeSpan.FromSeconds(16), ticked.ShowElapsed);
        await second.Engine.AddHostLineAsync("And we're back.");
        Assert.Equal(16, second.Engine.Current.Transcript[^1].Start.TotalSeconds);
    }

    [Fact]
    public async Task Restart_AfterACrashMidShow_CountsDowntimeFromTheLastHeartbeat()
    {
        var time = new FakeTimeProvider(EngineHarness.Epoch);
        string file;
        await using (var first = await EngineHarness.StartAsync(_folder.Path, time))
        {
            await first.Engine.SetOnAirAsync(true);
            file = first.Repository.DatabaseFile;
        }

        // A crash leaves the last heartbeat (the tick at 40 s) and no clean stop: rewrite what the database holds.
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE shows SET alive_ms = $alive;";
            command.Parameters.AddWithValue("$alive", EngineHarness.Epoch.AddSeconds(40).ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        }

        time.Advance(TimeSpan.FromMinutes(10));
        await using var second = await EngineHarness.StartAsync(_folder.Path, time);

        Assert.True(second.Engine.Current.OnAir);
        Assert.Equal(TimeSpan.FromSeconds(560), second.Engine.Current.Show!.Downtime);
        Assert.Equal(TimeSpan.FromSeconds(40), second.Engine.Current.Show.Elapsed(time.GetUtcNow()));
        Assert.Contains("off the air for 9 min 20 s", second.Engine.Current.Transcript[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_AfterShowEnded_IsOffAirShowingTheLastShow()
    {
        var time = new FakeTimeProvider(EngineHarness.Epoch);
        await using (var first = await EngineHarness.StartAsync(_folder.Path, time))
        {
            await first.Engine.SetOnAirAsync(true);
            await first.Engine.AddHostLineAsync("That's the show.");
            time.Advance(TimeSpan.FromHours(1));
            await first.Engine.SetOnAirAsync(false);
        }

        await using var second = await EngineHarness.StartAsync(_folder.Path, time);

        Assert.False(second.Engine.Current.OnAir);
        Assert.Equal(EngineHarness.Epoch.AddHours(1), second.Engine.Current.Show!.Ended);
        Assert.Equal("That's the show.", Assert.Single(second.Engine.Current.Transcript).Text);
    }

    [Fact]
    public async Task Restart_SecondShow_LoadsOnlyTheNewestShowsTranscript()
    {
        var time = new FakeTimeProvider(EngineHarness.Epoch);
        await using (var first = await EngineHarness.StartAsync(_folder.Path, time))
        {
            await first.Engine.SetOnAirAsync(true);
            await first.Engine.AddHostLineAsync("show one");
            await first.Engine.SetOnAirAsync(false);
            time.Advance(TimeSpan.FromDays(1));
            await first.Engine.SetOnAirAsync(true);
            await first.Engine.AddHostLineAsync("show two");
        }

        await using var second = await EngineHarness.StartAsync(_folder.Path, time);

        Assert.Equal("show two", Assert.Single(second.Engine.Current.Transcript).Text);
    }

    [Fact]
    public async Task Writes_AreCommittedAsTheyHappen_VisibleToAnotherConnection()
    {
        await using var h = await EngineHarness.StartAsync(_folder.Path);
        await h.Engine.SetOnAirAsync(true);
        await h.Engine.AddHostLineAsync("on the record");

        // Read through a separate connection while the engine still runs: nothing waits for shutdown.
        using var reader = new SqliteConnection($"Data Source={h.Repository.DatabaseFile};Mode=ReadOnly;Pooling=False");
        reader.Open();
        using var command = reader.CreateCommand();
        command.CommandText = "SELECT text FROM transcript_entries; ";
        Assert.Equal("on the record", command.ExecuteScalar());
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task Initialize_CreatesDataFolderAndSchemaVersion()
    {
        var nested = Path.Combine(_folder.Path, "new", "data");
        using var repository = new SqliteStudioRepository(Options.Create(new StorageOptions { Path = nested }));

        await repository.InitializeAsync(CancellationToken.None);
        await repository.InitializeAsync(CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(nested, "studio.db")));
        Assert.Equal(SqliteMigrations.LatestVersion, UserVersion(repository.DatabaseFile));
    }

    [Fact]
    public async Task Initialize_DatabaseFromANewerBuild_FailsWithAClearMessage()
    {
        var file = Path.Combine(_folder.Path, "studio.db");
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        using var repository = new SqliteStudioRepository(Options.Create(new StorageOptions { Path = _folder.Path }));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => repository.InitializeAsync(CancellationToken.None));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StorageOptions_RelativePath_IsTakenFromRoot()
    {
        var options = new StorageOptions { Path = "./data", Root = "/srv/studio" };
        Assert.Equal("/srv/studio/data", options.FullPath);
        Assert.Equal("/srv/studio/data/studio.db", options.DatabaseFile);
    }

    private static long UserVersion(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return (long)command.ExecuteScalar()!;
    }
}
