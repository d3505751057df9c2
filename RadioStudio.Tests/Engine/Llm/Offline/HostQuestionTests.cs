using RadioStudio.Engine.Llm.Offline;

namespace RadioStudio.Tests.Engine.Llm.Offline;

/// <summary>The host's last question, classified with the en-US script's question kinds.</summary>
public sealed class HostQuestionTests
{
    private readonly IReadOnlyList<OfflineQuestionKind> _kinds = LlmTestSupport.Script().QuestionKinds;

    [Theory]
    [InlineData("HOST: How did your family react?", "reaction", "my family")]
    [InlineData("HOST: Okay. So how did your wife take the news?", "reaction", "my wife")]
    [InlineData("HOST: And what did your boss say?", "reaction", "my boss")]
    [InlineData("HOST: How did you handle it?", "reaction", "I")]
    [InlineData("HOST: Did you tell her?", "yesNo", null)]
    [InlineData("HOST: Are you still together?", "yesNo", null)]
    [InlineData("HOST: Why didn't you say anything?", "why", null)]
    [InlineData("HOST: How come?", "why", null)]
    [InlineData("HOST: When did this start?", "when", null)]
    [InlineData("HOST: Where are you calling from?", "where", null)]
    [InlineData("HOST: Who else knows?", "who", null)]
    [InlineData("HOST: What happened?", "whatHappened", null)]
    [InlineData("HOST: What do you think you'll do?", "whatThink", null)]
    [InlineData("HOST: What kind of dog was it?", "what", null)]
    [InlineData("HOST: How long has this been going on?", "howLong", null)]
    [InlineData("HOST: How much did it cost?", "howMuch", null)]
    [InlineData("HOST: How does that make you feel?", "howFeel", null)]
    [InlineData("HOST: Hi caller. How are you doing?", "howAreYou", null)]
    [InlineData("HOST: How did you find out?", "how", null)]
    [InlineData("DAVE (caller on the line): Why would you do that?", "why", null)]
    [InlineData("HOST: That's a lot. Tell me more.", "general", null)]
    public void Classify_LastQuestion_KindAndSubjectFromTheCallersSide(string said, string kind, string? subject)
    {
        var question = HostQuestion.Classify(said, _kinds);

        Assert.Equal(kind, question.Kind);
        Assert.Equal(subject, question.Subject);
    }
}
