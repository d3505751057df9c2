using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using RadioStudio.Engine.Llm;

namespace RadioStudio.Tests.Engine.Llm;

public sealed class OfflineScriptedChatClientTests
{
    private const string Prompt = """
        You are Dana Whitfield, calling Late Night Radio. Host is the HOST; you are the CALLER.
        Age 34, night nurse in Tulsa.
        Why you are calling: my landlord keeps raising the rent
        Speak like a phone call.
        """;

    private readonly OfflineScript _script = LlmTestSupport.Script();
    private readonly OfflineScriptedChatClient _chat;

    public OfflineScriptedChatClientTests() => _chat = new OfflineScriptedChatClient(_script, TimeProvider.System, TimeSpan.Zero);

    [Fact]
    public async Task GetStreamingResponseAsync_FirstTurn_StreamsSeveralChunksOfAnOpenerWithNameAndReason()
    {
        var updates = await LlmTestSupport.CollectAsync(_chat.GetStreamingResponseAsync([new(ChatRole.System, Prompt), new(ChatRole.User, "You're on the air.")]));

        var text = LlmTestSupport.TextOf(updates);
        Assert.True(updates.Count(u => u.Text.Length > 0) >= 5);
        Assert.Contains("Dana Whitfield", text, StringComparison.Ordinal);
        Assert.Contains("my landlord keeps raising the rent", text, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        Assert.All(updates, u => Assert.Equal(OfflineScriptedChatClient.ModelId, u.ModelId));
    }

    [Fact]
    public async Task GetResponseAsync_LaterTurns_GiveDifferentReplies()
    {
        var history = new List<ChatMessage> { new(ChatRole.System, Prompt), new(ChatRole.User, "You're on the air.") };
        var replies = new List<string>();
        for (var turn = 0; turn < 4; turn++)
        {
            var reply = (await _chat.GetResponseAsync(history)).Text;
            replies.Add(reply);
            history.Add(new ChatMessage(ChatRole.Assistant, reply));
            history.Add(new ChatMessage(ChatRole.User, "I see, go on."));
        }

        Assert.Equal(replies.Count, replies.Distinct().Count());
    }

    [Fact]
    public async Task GetResponseAsync_QuestionVersusStatement_AnswersFromTheMatchingLines()
    {
        ChatMessage[] Turn(string hostSays) => [new(ChatRole.System, Prompt), new(ChatRole.User, "Hi."), new(ChatRole.Assistant, "Hi, it's Dana."), new(ChatRole.User, hostSays)];

        var answer = (await _chat.GetResponseAsync(Turn("How long has this been going on?"))).Text;
        var unmarkedQuestion = (await _chat.GetResponseAsync(Turn("Why not move out then."))).Text;
        var statement = (await _chat.GetResponseAsync(Turn("That sounds rough."))).Text;

        Assert.Contains(answer, _script.AnswersByKind["howLong"]);
        Assert.Contains(unmarkedQuestion, _script.AnswersByKind["why"]);
        Assert.Contains(statement, _script.Statements);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_WordDelay_WaitsOnTheTimeProvider()
    {
        var time = new FakeTimeProvider();
        var chat = new OfflineScriptedChatClient(_script, time, TimeSpan.FromMilliseconds(80));
        await using var updates = chat.GetStreamingResponseAsync([new(ChatRole.System, Prompt)]).GetAsyncEnumerator();

        Assert.True(await updates.MoveNextAsync());
        var second = updates.MoveNextAsync().AsTask();
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(80));

        Assert.True(await second);
        Assert.StartsWith(" ", updates.Current.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What do you think about that?", "yes")]
    [InlineData("Dana, you still there.", "yes")]
    [InlineData("Anyway, back to the weather report.", "no")]
    public async Task GetResponseAsync_ShouldRespond_AnswersYesForQuestionsOrTheCallersName(string lastLine, string expected)
    {
        var response = await _chat.GetResponseAsync([new(ChatRole.System, Prompt), new(ChatRole.User, lastLine)], LlmPurposes.With(LlmPurposes.ShouldRespond));

        Assert.Equal(expected, response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_Summary_OneSentenceWithNameReasonAndTurns()
    {
        ChatMessage[] call = [new(ChatRole.System, Prompt), new(ChatRole.User, "Hi."), new(ChatRole.Assistant, "Hello."), new(ChatRole.User, "Bye."), new(ChatRole.Assistant, "Bye now.")];

        var summary = (await _chat.GetResponseAsync(call, LlmPurposes.With(LlmPurposes.Summary))).Text;

        Assert.Equal("Dana Whitfield called about my landlord keeps raising the rent and talked it through with the host over 2 exchanges.", summary);
    }

    [Theory]
    [InlineData("""{"name":"Dana","age":34}""", """{"name":"Dana","age":34}""")]
    [InlineData("Describe a caller from Tulsa.", "{}")]
    public async Task GetResponseAsync_Persona_ReturnsJsonInputUnchangedOtherwiseEmptyObject(string input, string expected)
    {
        var response = await _chat.GetResponseAsync([new(ChatRole.System, "Flesh out this persona as JSON."), new(ChatRole.User, input)], LlmPurposes.With(LlmPurposes.Persona));

        Assert.Equal(expected, response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_Screening_ExtractsNameAndTopicFromTheCallersWords()
    {
        ChatMessage[] exchange =
        [
            new(ChatRole.System, "Extract the caller's name and topic as JSON."),
            new(ChatRole.Assistant, "Thanks for calling Late Night Radio! What's your name?"),
            new(ChatRole.User, "Hey, my name is Marcus."),
            new(ChatRole.Assistant, "And what would you like to talk about?"),
            new(ChatRole.User, "I'm calling about my noisy neighbours. They never stop."),
        ];

        var json = JsonNode.Parse((await _chat.GetResponseAsync(exchange, LlmPurposes.With(LlmPurposes.Screening))).Text)!;

        Assert.Equal("Marcus", (string?)json["name"]);
        Assert.Equal("my noisy neighbours", (string?)json["topic"]);
    }

    [Fact]
    public async Task GetResponseAsync_ScreeningWithNothingSaid_ReturnsNulls()
    {
        var response = await _chat.GetResponseAsync([new(ChatRole.User, "uh, hello?")], LlmPurposes.With(LlmPurposes.Screening));

        Assert.Equal("""{"name":null,"topic":null}""", response.Text);
    }
}
