using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.Show;
using RadioStudio.Engine.Show.Memory;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Show.Memory;

/// <summary>Call records as calls end, summaries from the whole exchange, and what survives a restart.</summary>
public sealed class CallRecordTests
{
    // Generous: other test classes run alongside on a 2-core machine.
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PhoneCallEnds_WithHostAndAiOnAir_RecordIsStoredAndSummaryComesFromTheWholeExchange()
    {
        using var folder = new TempDirectory();
        var llm = new FakeLlm((_, _) => Task.FromResult("Dana, a nurse from Tulsa, argued about night shifts with the host and Walter."));
        await using var rig = await MemoryRig.StartAsync(folder.Path, llm);
        var engine = rig.Harness.Engine;
        await engine.SetOnAirAsync(true);
        rig.Harness.Time.Advance(TimeSpan.FromSeconds(65));
        var lineId = await rig.PhoneCallOnAirAsync("+14155550123");
        await engine.UpdateCallerDetailsAsync(lineId, "Dana", null, null);
        rig.Harness.Time.Advance(TimeSpan.FromSeconds(5));
        await engine.AddTranscriptEntryAsync("Host", PartyKind.Host, "Dana, you're on the air.");
        await engine.AddTranscriptEntryAsync("Dana", PartyKind.Phone, "Night shifts are wrecking my sleep and my marriage.");
        await engine.AddTranscriptEntryAsync("Walter", PartyKind.Ai, "I worked nights for thirty years, you get used to it.");
        rig.Harness.Time.Advance(TimeSpan.FromSeconds(60));

        await engine.HangUpAsync(lineId);

        var state = await engine.WaitForAsync(s => s.ShowHistory.Any(r => !r.SummaryPending), Long);
        var record = Assert.Single(state.ShowHistory);
        Assert.Equal(PartyKind.Phone, record.Kind);
        Assert.Equal("Dana", record.Name);
        Assert.Equal("+14155550123", record.Number);
        Assert.Equal("hung up by the host", record.EndReason);
        Assert.Equal(TimeSpan.FromSeconds(65), record.StartOffset);
        Assert.Equal(TimeSpan.FromSeconds(130), record.EndOffset);
        Assert.Equal(SummarySource.Llm, record.SummarySource);
        Assert.StartsWith("Dana, a nurse", record.Summary, StringComparison.Ordinal);

        // The model was given everyone on air, not just the caller's own words.
        var given = string.Join('\n', llm.Received.Single().Select(m => m.Text));
        Assert.Contains("you're on the air", given, StringComparison.Ordinal);
        Assert.Contains("Night shifts are wrecking", given, StringComparison.Ordinal);
        Assert.Contains("I worked nights for thirty years", given, StringComparison.Ordinal);

        var stored = await rig.Records.FindAsync(record.Id);
        Assert.Equal(record, stored);
    }

    [Fact]
    public async Task PhoneCallEnds_LastWordsTranscribedLate_SummaryWaitsToSettleAndIncludesThem()
    {
        using var folder = new TempDirectory();
        var llm = new FakeLlm((_, _) => Task.FromResult("A caller explained why they moved to Denver."));
        await using var rig = await MemoryRig.StartAsync(folder.Path, llm, options: new ShowMemoryOptions { SummarySettleSeconds = 3 });
        var engine = rig.Harness.Engine;
        await engine.SetOnAirAsync(true);
        var lineId = await rig.PhoneCallOnAirAsync("+14155550127");
        rig.Harness.Time.Advance(TimeSpan.FromSeconds(10));
        await engine.AddTranscriptEntryAsync("Host", PartyKind.Host, "So why Denver?");
        rig.Harness.Time.Advance(TimeSpan.FromSeconds(10));
        await engine.HangUpAsync(lineId);
        var record = (await engine.WaitForAsync(s => s.ShowHistory.Count == 1, Long)).ShowHistory[0];

        // The recogniser delivers the caller's last sentence after the hang-up, timed inside the call.
        await engine.AddTranscriptEntryAsync("+14155550127", PartyKind.Phone, "The mountains, and my sister lives there.", record.EndOffset - TimeSpan.FromSeconds(3), record.EndOffset);
        Assert.Empty(llm.Received);
        rig.Harness.Time.Advance(TimeSpan.FromSeconds(3));

        await engine.WaitForAsync(s => s.ShowHistory.Any(r => !r.SummaryPending), Long);
        var given = string.Join('\n', llm.Received.Single().Select(m => m.Text));
        Assert.Contains("So why Denver?", given, StringComparison.Ordinal);
        Assert.Contains("The mountains, and my sister lives there.", given, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhoneCallEnds_Offline_SummaryIsExtractiveAndLabelled()
    {
        using var folder = new TempDirectory();
        await using var rig = await MemoryRig.StartAsync(folder.Path, new FakeLlm(null, offline: true));
        var engine = rig.Harness.Engine;
        await engine.SetOnAirAsync(true);
        var lineId = await rig.PhoneCallOnAirAsync("+14155550124");
        rig.Harness.Time.Advance(TimeSpan.FromSeconds(2));
        await engine.AddTranscriptEntryAsync("+14155550124", PartyKind.Phone, "Hi. My landlord keeps raising the rent every single spring.");
        await engine.CallerLeftAsync(lineId);

        var state = await engine.WaitForAsync(s => s.ShowHistory.Any(r => !r.SummaryPending), Long);
        var record = state.ShowHistory.Single();
        Assert.Equal(SummarySource.Extractive, record.SummarySource);
        Assert.Equal("caller hung up", record.EndReason);
        Assert.Contains("My landlord keeps raising the rent every single spring.", record.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Hi.", record.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_WithPendingSummary_SummaryIsWrittenAfterStartAndHistorySurvives()
    {
        using var folder = new TempDirectory();
        var time = new FakeTimeProvider(EngineHarness.Epoch);
        string recordId;
        var hung = new FakeLlm(async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return "";
        });
        await using (var rig = await MemoryRig.StartAsync(folder.Path, hung, time, new ShowMemoryOptions { SummaryTimeoutSeconds = 300, SummarySettleSeconds = 0 }))
        {
            await rig.Harness.Engine.SetOnAirAsync(true);
            var lineId = await rig.PhoneCallOnAirAsync("+14155550125");
            await rig.Harness.Engine.AddTranscriptEntryAsync("+14155550125", PartyKind.Phone, "I want to talk about the new stadium downtown.");
            await rig.Harness.Engine.HangUpAsync(lineId);
            var state = await rig.Harness.Engine.WaitForAsync(s => s.ShowHistory.Count == 1, Long);
            recordId = state.ShowHistory[0].Id;
            await Poll.AssertUntilAsync(() => hung.Received.Count == 1, "the summary was asked for");
            Assert.True(state.ShowHistory[0].SummaryPending);
        }

        var llm = new FakeLlm((_, _) => Task.FromResult("A caller wanted to talk about the new stadium downtown."));
        await using var restarted = await MemoryRig.StartAsync(folder.Path, llm, time);
        var after = await restarted.Harness.Engine.WaitForAsync(s => s.ShowHistory.Any(r => r.Id == recordId && !r.SummaryPending), Long);
        Assert.Equal("A caller wanted to talk about the new stadium downtown.", after.ShowHistory.Single().Summary);
        Assert.Contains("new stadium downtown", string.Join('\n', llm.Received.Single().Select(m => m.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EarlierCalls_AfterRestart_PromptContainsTheEarlierCall()
    {
        using var folder = new TempDirectory();
        var time = new FakeTimeProvider(EngineHarness.Epoch);
        var llm = new FakeLlm((_, _) => Task.FromResult("Marta complained that the bus to Elm Street never comes on time."));
        await using (var rig = await MemoryRig.StartAsync(folder.Path, llm, time))
        {
            await rig.Harness.Engine.SetOnAirAsync(true);
            var lineId = await rig.PhoneCallOnAirAsync("+14155550126");
            await rig.Harness.Engine.UpdateCallerDetailsAsync(lineId, "Marta", null, null);
            await rig.Harness.Engine.AddTranscriptEntryAsync("Marta", PartyKind.Phone, "The bus to Elm Street never comes on time.");
            await rig.Harness.Engine.HangUpAsync(lineId);
            await rig.Harness.Engine.WaitForAsync(s => s.ShowHistory.Any(r => !r.SummaryPending), Long);
        }

        await using var restarted = await MemoryRig.StartAsync(folder.Path, llm, time);
        var state = await restarted.Harness.Engine.WaitForAsync(s => s.ShowHistory.Count == 1, Long);
        var earlier = ShowHistory.EarlierCalls(state);
        var persona = new Persona { Name = "Walt", Gender = RadioStudio.Engine.Speech.VoiceGender.Male, Age = 60, Job = "baker", Town = "Reno", Reason = "buses" };
        var prompt = CallerPromptBuilder.SystemPrompt(new CallerPromptContext(persona, "Night Line", "Sam", earlier, null, [], []));
        Assert.Contains("EARLIER IN THE SHOW:", prompt, StringComparison.Ordinal);
        Assert.Contains("- Marta (real caller): Marta complained that the bus to Elm Street never comes on time.", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrations_FromTheCurrentSchema_KeepExistingShows()
    {
        using var folder = new TempDirectory();
        await using (var harness = await EngineHarness.StartAsync(folder.Path))
        {
            await harness.Engine.SetOnAirAsync(true);
            await harness.Engine.AddHostLineAsync("First show, first words.");
            await harness.Engine.SetOnAirAsync(false);
        }

        // Wind the file back to schema 3 (what main writes today), as a database from before this build.
        var file = Path.Combine(folder.Path, "studio.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE regulars; DROP TABLE callers; ALTER TABLE shows DROP COLUMN downtime_ms; ALTER TABLE shows DROP COLUMN alive_ms; PRAGMA user_version = 3;";
            command.ExecuteNonQuery();
        }

        await using var upgraded = await EngineHarness.StartAsync(folder.Path);
        var state = upgraded.Engine.Current;
        Assert.NotNull(state.Show);
        Assert.Contains(state.Transcript, e => e.Text == "First show, first words.");
        using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
        check.Open();
        using var version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        Assert.Equal((long)SqliteMigrations.LatestVersion, (long)version.ExecuteScalar()!);
    }
}
