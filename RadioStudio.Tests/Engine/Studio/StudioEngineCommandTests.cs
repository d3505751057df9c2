using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Studio;

public sealed class StudioEngineCommandTests : IAsyncLifetime
{
    private EngineHarness _h = null!;

    public async Task InitializeAsync() => _h = await EngineHarness.StartAsync(options: new StudioOptions { ShowTitle = "Night Owls", HostName = "Sam" });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public void Start_NewStudio_IsOffAirWithTenEmptySlots()
    {
        var state = _h.Engine.Current;
        Assert.False(state.OnAir);
        Assert.Null(state.Show);
        Assert.Equal(Enumerable.Range(1, 10), state.AiCallers.Select(s => s.Slot));
        Assert.All(state.AiCallers, s => Assert.Equal(AiCallerStatus.Empty, s.Status));
        Assert.Equal("1234567890", string.Concat(state.AiCallers.Select(s => s.Hotkey)));
        Assert.Equal(RespondMode.Manual, state.RespondMode);
    }

    [Fact]
    public async Task SetOnAir_True_StartsShowAtNowWithConfiguredTitle()
    {
        _h.Time.Advance(TimeSpan.FromSeconds(30));
        await _h.Engine.SetOnAirAsync(true);

        var state = _h.Engine.Current;
        Assert.True(state.OnAir);
        Assert.NotNull(state.Show);
        Assert.Equal("Night Owls", state.Show.Title);
        Assert.Equal(EngineHarness.Epoch.AddSeconds(30), state.Show.Started);
        Assert.Null(state.Show.Ended);
        Assert.Empty(state.Transcript);
    }

    [Fact]
    public async Task SetOnAir_False_EndsTheLiveShowAndKeepsItsTranscript()
    {
        await _h.Engine.SetOnAirAsync(true);
        await _h.Engine.AddHostLineAsync("Good night, everybody.");
        _h.Time.Advance(TimeSpan.FromMinutes(42));

        await _h.Engine.SetOnAirAsync(false);

        var state = _h.Engine.Current;
        Assert.False(state.OnAir);
        Assert.Equal(EngineHarness.Epoch.AddMinutes(42), state.Show!.Ended);
        Assert.Single(state.Transcript);
        Assert.Equal(TimeSpan.FromMinutes(42), state.ShowElapsed); // the clock stops at the show's length, not 00:00:00
    }

    [Fact]
    public async Task SetOnAir_SameStateTwice_PublishesNothingNew()
    {
        await _h.Engine.SetOnAirAsync(true);
        var version = _h.Engine.Current.Version;
        var show = _h.Engine.Current.Show;

        await _h.Engine.SetOnAirAsync(true);

        Assert.Equal(version, _h.Engine.Current.Version);
        Assert.Same(show, _h.Engine.Current.Show);
    }

    [Fact]
    public async Task AddHostLine_OnAir_StampsHostNameKindAndShowRelativeTime()
    {
        await _h.Engine.SetOnAirAsync(true);
        _h.Time.Advance(TimeSpan.FromSeconds(75));

        await _h.Engine.AddHostLineAsync("  You're on the air.  ");

        var entry = Assert.Single(_h.Engine.Current.Transcript);
        Assert.Equal("Sam", entry.Speaker);
        Assert.Equal(PartyKind.Host, entry.Kind);
        Assert.Equal("You're on the air.", entry.Text);
        Assert.Equal(TimeSpan.FromSeconds(75), entry.Start);
        Assert.True(entry.Id > 0);
    }

    [Fact]
    public async Task AddHostLine_OffAir_IsRefusedAndChangesNothing()
    {
        var before = _h.Engine.Current;

        var refused = await Assert.ThrowsAsync<StudioCommandException>(() => _h.Engine.AddHostLineAsync("hello?"));

        Assert.Contains("off air", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Same(before.Transcript, _h.Engine.Current.Transcript);
        Assert.Equal(before.Version, _h.Engine.Current.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t ")]
    public async Task AddHostLine_Blank_IsRefused(string text)
    {
        await _h.Engine.SetOnAirAsync(true);
        await Assert.ThrowsAsync<StudioCommandException>(() => _h.Engine.AddHostLineAsync(text));
        Assert.Empty(_h.Engine.Current.Transcript);
    }

    [Fact]
    public async Task AddHostLine_OverTheLimit_IsRefusedWithTheLimit()
    {
        await _h.Engine.SetOnAirAsync(true);
        var refused = await Assert.ThrowsAsync<StudioCommandException>(() => _h.Engine.AddHostLineAsync(new string('a', 4001)));
        Assert.Contains("4000", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddTranscriptEntry_ExplicitTimes_AreKept()
    {
        await _h.Engine.SetOnAirAsync(true);
        await _h.Engine.AddTranscriptEntryAsync("+14155550100", PartyKind.Phone, "Hi Sam!", TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));

        var entry = Assert.Single(_h.Engine.Current.Transcript);
        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5)), (entry.Start, entry.End));
        Assert.Equal(PartyKind.Phone, entry.Kind);
    }

    [Fact]
    public async Task Transcript_ManyLines_KeepsOrderAndIncreasingIds()
    {
        await _h.Engine.SetOnAirAsync(true);
        for (var i = 0; i < 25; i++)
        {
            await _h.Engine.AddHostLineAsync($"line {i}");
        }

        var transcript = _h.Engine.Current.Transcript;
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"line {i}"), transcript.Select(e => e.Text));
        Assert.Equal(transcript.Select(e => e.Id).Order(), transcript.Select(e => e.Id));
    }

    [Fact]
    public async Task SetRespondModeAndFollowUp_ChangeState()
    {
        await _h.Engine.SetRespondModeAsync(RespondMode.Auto);
        await _h.Engine.SetAutoFollowUpAsync(true);

        Assert.Equal(RespondMode.Auto, _h.Engine.Current.RespondMode);
        Assert.True(_h.Engine.Current.AutoFollowUp);
    }

    [Fact]
    public async Task SetRespondMode_UndefinedValue_IsRefused()
    {
        await Assert.ThrowsAsync<StudioCommandException>(() => _h.Engine.SetRespondModeAsync((RespondMode)42));
        Assert.Equal(RespondMode.Manual, _h.Engine.Current.RespondMode);
    }

    [Fact]
    public async Task UpdateCallerDetails_UnknownLine_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<StudioCommandException>(() => _h.Engine.UpdateCallerDetailsAsync("nope", "Ann", null, null));
        Assert.Contains("no longer on the line", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_EachChange_IncreasesVersionByOne()
    {
        var v0 = _h.Engine.Current.Version;
        await _h.Engine.SetOnAirAsync(true);
        await _h.Engine.AddHostLineAsync("one");
        await _h.Engine.SetRespondModeAsync(RespondMode.Auto);

        Assert.Equal(v0 + 3, _h.Engine.Current.Version);
    }

    [Fact]
    public async Task EventLog_ShowStart_IsPushedIntoState()
    {
        await using var h = await EngineHarness.StartAsync(options: new StudioOptions { ShowTitle = "Night Owls" }, eventLog: true);
        await h.Engine.SetOnAirAsync(true);

        var state = await h.Engine.WaitForAsync(s => s.EventLog.Any(l => l.Message.Contains("ON AIR", StringComparison.Ordinal)));

        var line = state.EventLog.Single(l => l.Message.Contains("ON AIR", StringComparison.Ordinal));
        Assert.Contains("Night Owls", line.Message, StringComparison.Ordinal);
        Assert.Contains(state.EventLog, l => l.Message.StartsWith("Studio ready", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EventLog_OverCapacity_KeepsTheNewestLines()
    {
        await using var h = await EngineHarness.StartAsync(options: new StudioOptions { EventLogCapacity = 10 }, eventLog: true);
        for (var i = 0; i < 30; i++)
        {
            // One category per line: the sink's per-category rate limit (tested on its own) is not what this tests.
            h.Sink.Write(Microsoft.Extensions.Logging.LogLevel.Information, $"Test{i}", $"line {i}");
        }

        var state = await h.Engine.WaitForAsync(s => s.EventLog.Any(l => l.Message == "line 29"));

        Assert.Equal(10, state.EventLog.Count);
        Assert.Equal(Enumerable.Range(20, 10).Select(i => $"line {i}"), state.EventLog.Select(l => l.Message));
    }

    [Fact]
    public async Task Commands_AfterDispose_AreRefusedNotLost()
    {
        await _h.Engine.DisposeAsync();
        var refused = await Assert.ThrowsAsync<StudioCommandException>(() => _h.Engine.SetOnAirAsync(true));
        Assert.Contains("stopped", refused.Message, StringComparison.Ordinal);
    }
}
