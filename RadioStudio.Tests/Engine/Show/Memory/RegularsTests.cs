using Microsoft.Extensions.Time.Testing;
using RadioStudio.Engine.Show;
using RadioStudio.Engine.Show.Memory;
using RadioStudio.Engine.Speech;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Show.Memory;

/// <summary>AI regulars: promotion by the host and automatically, the cap, and retiring the least recently heard.</summary>
public sealed class RegularsTests
{
    private static Persona Persona(string name) =>
        new() { Name = name, Gender = VoiceGender.Female, Age = 40, Job = "pilot", Town = "Boise", Reason = "flying at night", Voice = "v-" + name };

    private static async Task<CallRecord> EndedCallAsync(MemoryRig rig, Persona persona, int exchanges = 1)
    {
        var record = await rig.Recorder.RecordAiCallAsync(persona.Name, TimeSpan.Zero, "hung up by the host", persona.RegularId);
        await rig.Regulars.CallEndedAsync(persona, record!, exchanges);
        return record!;
    }

    [Fact]
    public async Task Promote_ThirteenCallers_CapKeepsTwelveAndRetiresTheLeastRecentlyHeard()
    {
        using var folder = new TempDirectory();
        var time = new FakeTimeProvider(EngineHarness.Epoch);
        await using var rig = await MemoryRig.StartAsync(folder.Path, new FakeLlm(null, offline: true), time);
        await rig.Harness.Engine.SetOnAirAsync(true);
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var record = await EndedCallAsync(rig, Persona($"Caller{i}"));
            ids.Add((await rig.Regulars.PromoteAsync(record.Id))!);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        // Caller0 calls again (a regular heard now), so Caller1 is the least recently heard when the 13th arrives.
        var active = await rig.Regulars.ListAsync();
        Assert.Equal(12, active.Count);
        var caller0 = active.Single(r => r.Persona.Name == "Caller0").Persona;
        Assert.Equal(ids[0], caller0.RegularId);
        await EndedCallAsync(rig, caller0);
        time.Advance(TimeSpan.FromMinutes(1));

        var thirteenth = await EndedCallAsync(rig, Persona("Caller12"));
        await rig.Regulars.PromoteAsync(thirteenth.Id);

        var names = (await rig.Regulars.ListAsync()).Select(r => r.Persona.Name).ToList();
        Assert.Equal(12, names.Count);
        Assert.Contains("Caller0", names);
        Assert.Contains("Caller12", names);
        Assert.DoesNotContain("Caller1", names);
        Assert.Equal("Caller12", names[0]);
        Assert.Equal(2, (await rig.Records.ListByRegularAsync(ids[0])).Count);
    }

    [Theory]
    [InlineData(6, 1.0, true)]
    [InlineData(5, 1.0, false)]
    [InlineData(12, 0.0, false)]
    public async Task CallEnded_LongCallAndChance_PromotesAutomaticallyOnlyWhenBothHold(int exchanges, double chance, bool promoted)
    {
        using var folder = new TempDirectory();
        await using var rig = await MemoryRig.StartAsync(
            folder.Path, new FakeLlm(null, offline: true), options: new ShowMemoryOptions { AutoRegularChance = chance, AutoRegularMinExchanges = 6, SummarySettleSeconds = 0 });
        await rig.Harness.Engine.SetOnAirAsync(true);

        var record = await EndedCallAsync(rig, Persona("Ivy"), exchanges);

        Assert.Equal(promoted, (await rig.Regulars.ListAsync()).Any(r => r.Persona.Name == "Ivy"));
        Assert.Equal(promoted, (await rig.Records.FindAsync(record.Id))!.RegularId is not null);
    }

    [Fact]
    public async Task ForNewShow_Regulars_TwoOrThreeSeatedWithTheirPastSummaries()
    {
        using var folder = new TempDirectory();
        await using var rig = await MemoryRig.StartAsync(folder.Path, new FakeLlm(null, offline: true));
        await rig.Harness.Engine.SetOnAirAsync(true);
        foreach (var name in new[] { "Ann", "Bea", "Cy", "Di" })
        {
            var record = await EndedCallAsync(rig, Persona(name));

            // The summariser writes its own (extractive) summary first; this test then gives each call a known one.
            await rig.Harness.Engine.WaitForAsync(s => s.ShowHistory.Any(r => r.Id == record.Id && !r.SummaryPending), TimeSpan.FromSeconds(30));
            await rig.Records.SetSummaryAsync(record.Id, $"{name} talked about flying at night.", SummarySource.Llm);
            await rig.Regulars.PromoteAsync(record.Id);
        }

        var (board, names) = await rig.Regulars.ForNewShowAsync();

        Assert.InRange(board.Count, 2, 3);
        Assert.Equal(4, names.Count);
        Assert.All(board, p =>
        {
            Assert.NotNull(p.RegularId);
            Assert.Contains($"{p.Name} talked about flying at night.", Assert.Single(p.PastCalls), StringComparison.Ordinal);
        });
        var seated = Regulars.Seat(Enumerable.Range(0, 10).Select(i => Persona($"New{i}") with { Gender = PersonaGenerator.GenderForSlot(i) }).ToList(), board);
        Assert.Equal(board.Count, seated.Count(p => p.RegularId is not null));
    }
}
