using Microsoft.Data.Sqlite;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Studio;

public sealed class PhoneLineCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private EngineHarness _h = null!;

    private StudioEngine Engine => _h.Engine;

    public async Task InitializeAsync()
    {
        _h = await EngineHarness.StartAsync(_folder.Path);
        await Engine.SetOnAirAsync(true);
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AddIncomingCall_OnAir_RingsAtTheEndOfTheQueue()
    {
        await RingAsync("a", "+14155550101");
        await RingAsync("b", "+14155550102");

        Assert.Equal(["a", "b"], Engine.Current.Queue.Select(l => l.Id));
        Assert.All(Engine.Current.Lines, l => Assert.Equal(LineStatus.Ringing, l.Status));
    }

    [Fact]
    public async Task AddIncomingCall_OffAirOrBlocked_IsRefused()
    {
        await Engine.SetBlockAllAsync(true);
        await Assert.ThrowsAsync<StudioCommandException>(() => RingAsync("a", "+1"));
        await Engine.SetBlockAllAsync(false);
        await Engine.SetOnAirAsync(false);
        await Assert.ThrowsAsync<StudioCommandException>(() => RingAsync("b", "+1"));

        Assert.Empty(Engine.Current.Lines);
    }

    [Fact]
    public async Task AddIncomingCall_SameCallTwice_IsRefused()
    {
        await RingAsync("a", "+1");
        await Assert.ThrowsAsync<StudioCommandException>(() => RingAsync("a", "+1"));
        Assert.Single(Engine.Current.Lines);
    }

    [Fact]
    public async Task Take_TwoCallers_GetConsecutiveChannelsFromTheFirstPhoneChannel()
    {
        await HoldingAsync("a");
        await HoldingAsync("b");
        _h.Time.Advance(TimeSpan.FromSeconds(42));

        await Engine.TakeCallAsync("a");
        await Engine.TakeCallAsync("b");

        var onAir = Engine.Current.OnAirLines.ToList();
        Assert.Equal([3, 4], onAir.Select(l => l.Channel!.Value));
        Assert.All(onAir, l => Assert.Equal(EngineHarness.Epoch.AddSeconds(42), l.OnAirSince));
        Assert.Empty(Engine.Current.Queue);
    }

    [Fact]
    public async Task Take_RingingCaller_IsRefusedUntilTheStreamConnects()
    {
        await RingAsync("a", "+1");
        var refused = await Assert.ThrowsAsync<StudioCommandException>(() => Engine.TakeCallAsync("a"));
        Assert.Contains("connecting", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hold_OnAirCaller_ReturnsToTheQueueAndFreesTheChannel()
    {
        await HoldingAsync("a");
        await HoldingAsync("b");
        await Engine.TakeCallAsync("a");
        await Engine.TakeCallAsync("b");

        await Engine.HoldCallAsync("a");
        await HoldingAsync("c");
        await Engine.TakeCallAsync("c");

        Assert.Equal(LineStatus.Holding, Line("a").Status);
        Assert.Null(Line("a").Channel);
        Assert.Equal(3, Line("c").Channel);
    }

    [Fact]
    public async Task TakeNext_EndsUnlockedCallersKeepsLockedAndTakesTheNextOne()
    {
        await HoldingAsync("panel");
        await HoldingAsync("current");
        await HoldingAsync("waiting");
        await HoldingAsync("chosen");
        await Engine.TakeCallAsync("panel");
        await Engine.SetLockedAsync("panel", true);
        await Engine.TakeCallAsync("current");
        await Engine.SetNextAsync("chosen");

        await Engine.TakeNextAsync();

        Assert.Equal(["panel", "chosen"], Engine.Current.OnAirLines.Select(l => l.Id));
        Assert.Equal(LineStatus.Locked, Line("panel").Status);
        Assert.DoesNotContain(Engine.Current.Lines, l => l.Id == "current");
        Assert.Equal(["waiting"], Engine.Current.Queue.Select(l => l.Id));
    }

    [Fact]
    public async Task Drop_OnAirCaller_IsRefusedButHangUpEndsIt()
    {
        await HoldingAsync("a");
        await Engine.TakeCallAsync("a");

        await Assert.ThrowsAsync<StudioCommandException>(() => Engine.DropCallAsync("a"));
        await Engine.HangUpAsync("a");

        Assert.Empty(Engine.Current.Lines);
    }

    [Fact]
    public async Task TakeThenEnd_TranscriptSaysWhoJoinedWhoLeftAndWhoEndedTheCall()
    {
        await HoldingAsync("a");
        await HoldingAsync("b");
        await Engine.UpdateCallerDetailsAsync("a", "Norma", "her neighbour's rooster", "calls every week");

        await Engine.TakeCallAsync("a");
        await Engine.TakeCallAsync("b");
        await Engine.HangUpAsync("a");
        await Engine.CallerLeftAsync("b");

        var system = Engine.Current.Transcript.Where(e => e.Kind == PartyKind.System).Select(e => e.Text).ToList();
        Assert.Equal(["Norma is on the air.", "+1b is on the air.", "Host ended the call with Norma.", "+1b hung up."], system);
    }

    [Fact]
    public async Task CallerLeft_WhileHolding_AddsNoTranscriptLine()
    {
        await HoldingAsync("a");
        await Engine.CallerLeftAsync("a");

        Assert.DoesNotContain(Engine.Current.Transcript, e => e.Kind == PartyKind.System);
    }

    [Fact]
    public async Task CallerLeft_TwiceOrUnknown_IsHarmless()
    {
        await HoldingAsync("a");
        await Engine.CallerLeftAsync("a");
        await Engine.CallerLeftAsync("a");
        await Engine.CallerLeftAsync("never-existed");

        Assert.Empty(Engine.Current.Lines);
    }

    [Fact]
    public async Task Screener_ScreenNextAndReorder_ShapeTheQueue()
    {
        await HoldingAsync("a");
        await HoldingAsync("b");
        await HoldingAsync("c");

        await Engine.ScreenCallAsync("b", true);
        await Engine.MoveInQueueAsync("c", -2);
        Assert.Equal(["c", "a", "b"], Engine.Current.Queue.Select(l => l.Id));

        await Engine.SetNextAsync("b");
        Assert.Equal(["b", "c", "a"], Engine.Current.Queue.Select(l => l.Id));
        Assert.Equal(LineStatus.Next, Line("b").Status);

        await Engine.SetNextAsync("a");
        Assert.Equal(LineStatus.Screened, Line("b").Status);

        await Engine.SetNextAsync("a", next: false);
        Assert.Equal(LineStatus.Holding, Line("a").Status);
    }

    [Fact]
    public async Task UpdateCallerDetails_FieldWise_KeepsOtherFields()
    {
        await HoldingAsync("a");
        await Engine.UpdateCallerDetailsAsync("a", "Ann", null, null);
        await Engine.UpdateCallerDetailsAsync("a", null, "Night shifts", null);
        await Engine.UpdateCallerDetailsAsync("a", null, null, "Sounds nervous");

        Assert.Equal(("Ann", "Night shifts", "Sounds nervous"), (Line("a").Name, Line("a").Topic, Line("a").Notes));
        await Engine.UpdateCallerDetailsAsync("a", "", null, null);
        Assert.Null(Line("a").Name);
        Assert.Equal("+1a", Line("a").DisplayName);
    }

    [Fact]
    public async Task OffAir_EndsEveryCall()
    {
        await HoldingAsync("a");
        await HoldingAsync("b");
        await Engine.TakeCallAsync("a");

        await Engine.SetOnAirAsync(false);

        Assert.Empty(Engine.Current.Lines);
    }

    [Fact]
    public async Task Calls_AndTheirTransitions_ArePersisted()
    {
        await HoldingAsync("a");
        await Engine.UpdateCallerDetailsAsync("a", "Ann", "Boats", null);
        await Engine.ScreenCallAsync("a", true);
        await Engine.TakeCallAsync("a");
        await Engine.HangUpAsync("a");

        using var db = new SqliteConnection($"Data Source={_h.Repository.DatabaseFile};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT name, topic, end_reason, show_id IS NOT NULL FROM calls WHERE id = 'a'";
        using (var reader = command.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal(("Ann", "Boats", "hung up by the host", 1L), (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        }

        command.CommandText = "SELECT status FROM call_events WHERE call_id = 'a' ORDER BY id";
        var statuses = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                statuses.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["Ringing", "Holding", "Holding", "Screened", "OnAir", "Ended"], statuses);
    }

    [Fact]
    public async Task Restart_WithCallsOpen_ClosesThemAsOrphans()
    {
        await HoldingAsync("a");
        var time = _h.Time;
        await _h.DisposeAsync();

        _h = await EngineHarness.StartAsync(_folder.Path, time);

        Assert.Empty(_h.Engine.Current.Lines);
        using var db = new SqliteConnection($"Data Source={_h.Repository.DatabaseFile};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT end_reason FROM calls WHERE id = 'a'";
        Assert.Equal("studio restarted", command.ExecuteScalar());
    }

    private PhoneLineState Line(string id) => Engine.Current.Lines.Single(l => l.Id == id);

    private Task RingAsync(string id, string number) => Engine.AddIncomingCallAsync(StateBuilders.Incoming(id, number, _h.Time.GetUtcNow()));

    private async Task HoldingAsync(string id)
    {
        await RingAsync(id, "+1" + id);
        await Engine.LineConnectedAsync(id);
    }
}
