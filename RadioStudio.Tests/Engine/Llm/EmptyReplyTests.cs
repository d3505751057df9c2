using RadioStudio.Engine.Llm;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Llm;

/// <summary>B7: a 200 that is not a streamed reply (an HTML page, an empty stream) is a failure, never a silent turn.</summary>
public sealed class EmptyReplyTests : IAsyncLifetime
{
    private const string Portal = "<!DOCTYPE html><html><body><h1>Please sign in to the hotel Wi-Fi</h1></body></html>";
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Streaming_FirstModelAnswersHtml_NextModelAnswers()
    {
        _server.Chat = body => (string?)body["model"] == "model-a" ? FakeChatReply.Html(Portal) : FakeChatReply.Text("Second model, real words.");
        using var chain = new FallbackChatClient(LlmTestSupport.OpenAiChat(_server, "model-a"), [LlmTestSupport.OpenAiChat(_server, "model-b")]);

        var updates = await LlmTestSupport.CollectAsync(chain.GetStreamingResponseAsync(LlmTestSupport.Hello));

        Assert.Equal("Second model, real words.", LlmTestSupport.TextOf(updates));
        Assert.Equal(["model-a", "model-b"], _server.Requests.Select(LlmTestSupport.ModelOf));
    }

    [Fact]
    public async Task Streaming_EveryModelAnswersHtml_ThrowsUnavailableNamingTheEmptyReply()
    {
        _server.Chat = _ => FakeChatReply.Html(Portal);
        using var chain = new FallbackChatClient(LlmTestSupport.OpenAiChat(_server, "model-a"), []);

        var failure = await Assert.ThrowsAsync<LlmUnavailableException>(() => LlmTestSupport.CollectAsync(chain.GetStreamingResponseAsync(LlmTestSupport.Hello)));

        var empty = Assert.IsType<LlmEmptyReplyException>(Assert.Single(failure.InnerExceptions));
        Assert.Contains("no text", empty.Message, StringComparison.Ordinal);
    }
}
