using RadioStudio.Engine.Show;
using RadioStudio.Engine.Show.Memory;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.State;

namespace RadioStudio.Tests.Engine.Show.Memory;

/// <summary>Who follows up a call: the model's pick with its reason, the offline rule, and the follower's prompt.</summary>
public sealed class FollowUpPickerTests
{
    private static AiCallerState Slot(int slot, string name, string reason, bool problem, params string[] interests) =>
        new(slot, name, "40, pilot, Boise", AiCallerStatus.Ready, false)
        {
            Persona = new Persona
            {
                Name = name, Gender = VoiceGender.Male, Age = 40, Job = "pilot", Town = "Boise", Reason = reason, IsProblem = problem, Interests = [.. interests],
            },
        };

    private static readonly AiCallerState[] Board =
    [
        Slot(1, "Ann", "her sister never calls back", true, "knitting"),
        Slot(2, "Bob", "the city should build the new stadium downtown", false, "football", "taxes"),
        Slot(3, "Cy", "wants to quit his job", true, "fishing"),
    ];

    [Fact]
    public void ByRule_SharedTopicWords_PicksThatCallerAndSaysItWasARule()
    {
        var pick = FollowUpPicker.ByRule(Board, "Dana", "Dana: Nobody wants a stadium downtown, our taxes are high enough.");

        Assert.NotNull(pick);
        Assert.Equal(2, pick.Slot);
        Assert.StartsWith("Rule: same topic as Dana", pick.Reason, StringComparison.Ordinal);
        Assert.Contains("stadium", pick.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ByRule_NoSharedWords_PrefersACallerWithAViewAndSkipsBusySlots()
    {
        var board = Board.Select(s => s.Slot == 2 ? s with { Status = AiCallerStatus.Listening } : s).Append(Slot(4, "Di", "thinks dogs beat cats", false)).ToList();

        var pick = FollowUpPicker.ByRule(board, "Dana", "Dana: My car broke down twice this week.");

        Assert.Equal(4, pick!.Slot);
        Assert.StartsWith("Rule:", pick.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskModel_JsonAnswer_PicksTheSlotWithTheReasonAndGivesTheModelTheCallAndTheBoard()
    {
        var llm = new FakeLlm((_, _) => Task.FromResult("Sure: {\"slot\": 3, \"reason\": \"Cy also wants out of a job he hates\"}"));

        var pick = await FollowUpPicker.AskModelAsync(llm, Board, "Dana", "Dana: I quit my job today.", CancellationToken.None);

        Assert.Equal(new FollowUpPick(3, "Cy also wants out of a job he hates"), pick);
        var given = string.Join('\n', llm.Received.Single().Select(m => m.Text));
        Assert.Contains("I quit my job today.", given, StringComparison.Ordinal);
        Assert.Contains("3: Cy", given, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskModel_SlotNotOnTheBoard_GivesNullSoTheRuleDecides()
    {
        var llm = new FakeLlm((_, _) => Task.FromResult("{\"slot\": 9, \"reason\": \"nobody\"}"));

        Assert.Null(await FollowUpPicker.AskModelAsync(llm, Board, "Dana", "Dana: hi", CancellationToken.None));
    }

    [Fact]
    public void FollowUpReaction_Prompt_NamesTheCallItFollowsAndWhatWasSaid()
    {
        var reaction = new CallReaction(new EarlierCall("Dana", false, "Dana said the stadium is a waste of money.")) { IsFollowUp = true };
        var prompt = CallerPromptBuilder.SystemPrompt(new CallerPromptContext(Board[1].Persona!, "Night Line", "Sam", [], reaction, [], []));

        Assert.Contains("You are calling straight after Dana's call (real caller)", prompt, StringComparison.Ordinal);
        Assert.Contains("Dana said the stadium is a waste of money.", prompt, StringComparison.Ordinal);
    }
}
