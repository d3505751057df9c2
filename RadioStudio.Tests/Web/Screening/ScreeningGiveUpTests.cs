using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.Screening;

/// <summary>A studio whose screener gives up quickly: two unanswered questions or ten seconds.</summary>
public sealed class QuickGiveUpFixture : AiStudioFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>(base.ExtraSettings())
    {
        ["Screening:Enabled"] = "true",
        ["Screening:MaxTurns"] = "2",
        ["Screening:AnswerWaitSeconds"] = "2",
        ["Screening:GiveUpSeconds"] = "10",
    };
}

/// <summary>A caller who never answers: the screener closes politely and the card says "screening incomplete".</summary>
public sealed class ScreeningGiveUpTests(QuickGiveUpFixture studio) : IClassFixture<QuickGiveUpFixture>
{
    [Fact]
    public async Task CallerNeverAnswers_TurnsRunOut_CardSaysIncompleteWithTheClosingLine()
    {
        await using var call = await studio.Simulator.PlaceCallAsync(studio.Caller("+15550140009"));
        Assert.Null(call.RefusedWith);
        var lineId = (await studio.Engine.WaitForAsync(s => s.Lines.Any(l => l.CallSid == call.CallSid && l.Status == LineStatus.Holding)))
            .Lines.Single(l => l.CallSid == call.CallSid).Id;

        var done = await studio.Engine.WaitForAsync(
            s => s.Lines.Find(l => l.Id == lineId) is { Screening.Status: ScreeningStatus.Incomplete }, TimeSpan.FromSeconds(60));

        var line = done.Lines.Single(l => l.Id == lineId);
        Assert.False(line.Screened);
        Assert.Equal("incomplete", line.Screening!.Attribute);
        Assert.All(line.Screening.Lines, l => Assert.True(l.FromScreener, "the caller said nothing"));
        Assert.Equal("Great, sit tight, we'll get you on.", line.Screening.Lines[^1].Text);

        // Asked again, never in the same words twice in a row: the caller hears that it is a repeat.
        var said = line.Screening.Lines.Select(l => l.Text).ToList();
        Assert.Contains("Sorry, I didn't catch that.", said);
        Assert.All(said.Zip(said.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        var sorry = said.IndexOf("Sorry, I didn't catch that.");
        Assert.Equal("What's your name?", said[sorry + 1]);
        Assert.Equal(LineStatus.Holding, line.Status);
    }
}
