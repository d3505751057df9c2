using RadioStudio.Engine.Show;

namespace RadioStudio.Tests.Engine.Show;

public sealed class HostMoodTests
{
    [Fact]
    public void Signals_ShortReplies_GetToThePoint()
    {
        var signals = HostMood.Signals(["Okay.", "Go on then.", "Right, and then what happened"]);

        Assert.Contains(HostMoodSignal.ShortReplies, signals);
    }

    [Fact]
    public void Signals_SingleShortTurn_NoShortSignal() =>
        Assert.Empty(HostMood.Signals(["Caller, you're on the air."]));

    [Fact]
    public void Signals_Pushback_DetectedFirst()
    {
        var signals = HostMood.Signals(["I don't think that's fair to your brother at all, to be honest with you.", "Haha, okay, but you're kidding me with the boat thing, right, you have to be joking"]);

        Assert.Equal([HostMoodSignal.Pushback, HostMoodSignal.Playful], signals);
    }

    [Fact]
    public void Signals_Supportive_GoDeeper()
    {
        var signals = HostMood.Signals(["That must have been really hard for you and your whole family back then.", "Take your time, there's no rush at all tonight, we've got all the time in the world"]);

        Assert.Equal([HostMoodSignal.Supportive], signals);
    }

    [Fact]
    public void Signals_ManyQuestions_AnswerDirectly()
    {
        var signals = HostMood.Signals(["How long have you two been together now, would you say?", "And where does she work these days, do you know?", "What did your mom think about all of it back then?"]);

        Assert.Equal([HostMoodSignal.Questions], signals);
    }

    [Fact]
    public void Signals_EverythingAtOnce_AtMostTwoInPriorityOrder()
    {
        var signals = HostMood.Signals(["Haha no way.", "Really?", "I'm sorry?", "Why?"]);

        Assert.Equal([HostMoodSignal.Pushback, HostMoodSignal.Questions], signals);
    }

    [Fact]
    public void Signals_OnlyLastFiveTurnsCount()
    {
        string[] turns = ["You're wrong about that, I disagree completely with everything you have said tonight.", .. Enumerable.Repeat("That is a really interesting point you are making there about the town.", 5)];

        Assert.DoesNotContain(HostMoodSignal.Pushback, HostMood.Signals(turns));
    }

    [Fact]
    public void Read_Signals_ReturnsPromptLines()
    {
        var lines = HostMood.Read(["No.", "Sure."]);

        Assert.Equal([HostMood.Line(HostMoodSignal.ShortReplies)], lines);
        Assert.Contains("get to the point", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoTurns_Empty() => Assert.Empty(HostMood.Read([]));
}
