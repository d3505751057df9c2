using Microsoft.Extensions.AI;
using RadioStudio.Engine.Show;
using RadioStudio.Engine.Speech;

namespace RadioStudio.Tests.Engine.Show;

public sealed class CallerPromptBuilderTests
{
    private static readonly Persona Dale = new()
    {
        Name = "Dale",
        Gender = VoiceGender.Male,
        Age = 47,
        Job = "long-haul trucker",
        Town = "Joplin",
        Reason = "his brother borrowed two thousand dollars and acts like it never happened",
        IsProblem = true,
        Interests = ["bass fishing", "NASCAR"],
        Quirks = ["names every car he's owned"],
        People = ["Randy, my brother", "Tammy, my wife"],
        VerbalHabits = ["says 'I tell you what'"],
        EmotionalArc = "starts angry, calms down",
        RelationshipToShow = "long-time listener, first time calling",
        Grounding = ["drinking gas station coffee", "parked outside a truck stop"],
    };

    private static readonly EarlierCall[] Earlier =
    [
        new("Maria", false, "Maria's neighbor keeps moving the fence."),
        new("Cody", true, "Cody thinks the drive-in should reopen."),
    ];

    private static CallerPromptContext Context(
        IReadOnlyList<EarlierCall>? earlier = null, CallReaction? reaction = null, IReadOnlyList<ConversationMessage>? conversation = null) =>
        new(Dale, "RadioStudio Late Night", "Sam", earlier ?? [], reaction, [], conversation ?? []);

    [Fact]
    public void Build_Persona_StartsWithIdentityLine()
    {
        var system = CallerPromptBuilder.Build(Context())[0];

        Assert.Equal(ChatRole.System, system.Role);
        Assert.StartsWith("You are Dale, calling RadioStudio Late Night. Sam is the HOST; you are the CALLER.\n", system.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemPrompt_Persona_ContainsFieldsAndVerbatimReasonLine()
    {
        var prompt = CallerPromptBuilder.SystemPrompt(Context());

        Assert.Contains("\nWhy you are calling: his brother borrowed two thousand dollars and acts like it never happened\n", prompt, StringComparison.Ordinal);
        foreach (var part in new[] { "47", "long-haul trucker", "Joplin", "bass fishing", "Randy, my brother", "I tell you what", "starts angry", "first time calling", "truck stop" })
        {
            Assert.Contains(part, prompt, StringComparison.Ordinal);
        }

        Assert.Contains("no *actions*", prompt, StringComparison.Ordinal);
        Assert.Contains("Never speak as the host", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemPrompt_EarlierCalls_ListsOneLinePerCall()
    {
        var prompt = CallerPromptBuilder.SystemPrompt(Context(Earlier));

        Assert.Contains("EARLIER IN THE SHOW:\n- Maria (real caller): Maria's neighbor keeps moving the fence.\n- Cody (AI caller): Cody thinks the drive-in should reopen.\n", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemPrompt_NoEarlierCalls_OmitsSection()
    {
        var prompt = CallerPromptBuilder.SystemPrompt(Context());

        Assert.DoesNotContain("EARLIER IN THE SHOW", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("REACTION", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("MOOD", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SameContextTwice_SameReactionBecauseItIsAnInput()
    {
        var reaction = CallReaction.Choose(Earlier, new Random(3), probability: 1);
        var context = Context(Earlier, reaction);

        var first = CallerPromptBuilder.Build(context)[0].Text;
        var second = CallerPromptBuilder.Build(context)[0].Text;

        Assert.NotNull(reaction);
        Assert.Equal(first, second);
        Assert.Contains("REACTION: You heard " + reaction.Call.Name, first, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemPrompt_MoodSignals_AreListed()
    {
        var context = Context() with { MoodSignals = HostMood.Read(["No.", "Okay.", "Come on, really?"]) };

        var prompt = CallerPromptBuilder.SystemPrompt(context);

        Assert.Contains("THE HOST'S MOOD:\n- The host is pushing back", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LongConversation_KeepsLastTenMessages()
    {
        var conversation = Enumerable.Range(1, 15)
            .Select(i => new ConversationMessage(i % 2 == 1 ? ConversationRole.Host : ConversationRole.AiCaller, i % 2 == 1 ? "Sam" : "Dale", $"line {i}"))
            .ToList();

        var messages = CallerPromptBuilder.Build(Context(conversation: conversation));

        Assert.Equal(11, messages.Count);
        Assert.Equal("line 6", messages[1].Text);
        Assert.Equal("HOST: line 15", messages[^1].Text);
    }

    [Fact]
    public void Build_Roles_HostAndPhoneCallerAreUserAiCallerIsAssistant()
    {
        ConversationMessage[] conversation =
        [
            new(ConversationRole.Host, "Sam", "Dale, you're on the air."),
            new(ConversationRole.AiCaller, "Dale", "Hey Sam, long time listener."),
            new(ConversationRole.PhoneCaller, "Maria", "Dale, just ask him for it back."),
        ];

        var messages = CallerPromptBuilder.Build(Context(conversation: conversation));

        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], messages.Select(m => m.Role));
        Assert.Equal("HOST: Dale, you're on the air.", messages[1].Text);
        Assert.Equal("Hey Sam, long time listener.", messages[2].Text);
        Assert.Equal("MARIA (caller on the line): Dale, just ask him for it back.", messages[3].Text);
    }

    [Fact]
    public void Build_WindowSizeOption_IsHonoured()
    {
        var conversation = Enumerable.Range(1, 6).Select(i => new ConversationMessage(ConversationRole.Host, "Sam", $"q{i}")).ToList();

        var messages = CallerPromptBuilder.Build(Context(conversation: conversation) with { WindowSize = 2 });

        Assert.Equal(["HOST: q5", "HOST: q6"], messages.Skip(1).Select(m => m.Text));
    }
}
