using Microsoft.Extensions.AI;
using RadioStudio.Engine.Llm;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Llm;

public sealed class FallbackChatClientTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetStreamingResponseAsync_FirstModelAnswers500_SecondModelAnswers()
    {
        _server.Chat = body => (string?)body["model"] == "model-a" ? FakeChatReply.Error(500) : FakeChatReply.Text("Second model here, still on the line.");
        using var chain = new FallbackChatClient(LlmTestSupport.OpenAiChat(_server, "model-a"), [LlmTestSupport.OpenAiChat(_server, "model-b")]);

        var updates = await LlmTestSupport.CollectAsync(chain.GetStreamingResponseAsync(LlmTestSupport.Hello));

        Assert.Equal("Second model here, still on the line.", LlmTestSupport.TextOf(updates));
        Assert.Equal(["model-a", "model-b"], _server.Requests.Select(LlmTestSupport.ModelOf));
        Assert.All(updates, u => Assert.Equal(1, u.AdditionalProperties?[FallbackChatClient.LinkIndexProperty]));
    }

    [Fact]
    public async Task GetResponseAsync_FirstModelAnswers500_SecondModelAnswers()
    {
        _server.Chat = body => (string?)body["model"] == "model-a" ? FakeChatReply.Error(500) : FakeChatReply.Text("Plain answer.");
        using var chain = new FallbackChatClient(LlmTestSupport.OpenAiChat(_server, "model-a"), [LlmTestSupport.OpenAiChat(_server, "model-b")]);

        var response = await chain.GetResponseAsync(LlmTestSupport.Hello);

        Assert.Equal("Plain answer.", response.Text);
        Assert.Equal(["model-a", "model-b"], _server.Requests.Select(LlmTestSupport.ModelOf));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_FailureAfterTokens_ThrowsInterruptedWithoutTryingNext()
    {
        var first = new ThrowingStreamChatClient("model-a", ["I was ", "saying "], new InvalidOperationException("socket closed"));
        var second = new ThrowingStreamChatClient("model-b", ["Other voice."], null);
        using var chain = new FallbackChatClient(first, [second]);
        var seen = new List<string>();

        var ex = await Assert.ThrowsAsync<LlmStreamInterruptedException>(async () =>
        {
            await foreach (var update in chain.GetStreamingResponseAsync(LlmTestSupport.Hello))
            {
                seen.Add(update.Text);
            }
        });

        Assert.Equal(["I was ", "saying "], seen);
        Assert.Equal("I was saying ", ex.PartialText);
        Assert.Equal("model-a", ex.ModelId);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Equal(0, second.Calls);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_EveryLinkFails_ThrowsUnavailableWithEachFailure()
    {
        _server.Chat = _ => FakeChatReply.Error(503);
        using var chain = new FallbackChatClient(LlmTestSupport.OpenAiChat(_server, "model-a"), [LlmTestSupport.OpenAiChat(_server, "model-b")]);

        var ex = await Assert.ThrowsAsync<LlmUnavailableException>(() => LlmTestSupport.CollectAsync(chain.GetStreamingResponseAsync(LlmTestSupport.Hello)));

        Assert.Equal(2, ex.InnerExceptions.Count);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_LinkThrowsWhenCalled_NextLinkAnswers()
    {
        using var broken = new ChatClientBuilder(new ThrowingStreamChatClient("model-a", [], null))
            .Use(null, (_, _, _, _) => throw new InvalidOperationException("misconfigured"))
            .Build();
        var second = new ThrowingStreamChatClient("model-b", ["Other ", "voice."], null);
        using var chain = new FallbackChatClient(broken, [second]);

        var updates = await LlmTestSupport.CollectAsync(chain.GetStreamingResponseAsync(LlmTestSupport.Hello));

        Assert.Equal("Other voice.", LlmTestSupport.TextOf(updates));
        Assert.Equal(1, second.Calls);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_CallerCancels_DoesNotTryNext()
    {
        using var cancel = new CancellationTokenSource();
        var second = new ThrowingStreamChatClient("model-b", ["Other voice."], null);
        var first = new ThrowingStreamChatClient("model-a", [], new OperationCanceledException(cancel.Token));
        using var chain = new FallbackChatClient(first, [second]);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LlmTestSupport.CollectAsync(chain.GetStreamingResponseAsync(LlmTestSupport.Hello, null, cancel.Token)));

        Assert.Equal(0, second.Calls);
    }
}
