using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using RadioStudio.Engine.Llm;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Llm;

public sealed class TimeoutChatClientTests : IAsyncLifetime
{
    private static readonly TimeSpan FirstToken = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Overall = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Never = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider _time = new();
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetStreamingResponseAsync_NoFirstTokenInTime_ThrowsFirstTokenTimeout()
    {
        _server.Chat = _ => FakeChatReply.Text("Too late.", firstToken: Never);
        using var chat = Timed("model-a");

        var call = LlmTestSupport.CollectAsync(chat.GetStreamingResponseAsync(LlmTestSupport.Hello));
        await Poll.AssertUntilAsync(() => _server.Requests.Count == 1, "the request reaches the server");
        _time.Advance(FirstToken);

        var ex = await Assert.ThrowsAsync<LlmTimeoutException>(() => call);
        Assert.Equal(LlmTimeoutKind.FirstToken, ex.Kind);
        Assert.Equal(FirstToken, ex.Limit);
        Assert.Contains("model-a", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_FirstTokenTimeoutInChain_FallsBackToNextModel()
    {
        _server.Chat = body => (string?)body["model"] == "model-a" ? FakeChatReply.Text("Too late.", firstToken: Never) : FakeChatReply.Text("Backup voice.");
        using var chain = new FallbackChatClient(Timed("model-a"), [Timed("model-b")]);

        var call = LlmTestSupport.CollectAsync(chain.GetStreamingResponseAsync(LlmTestSupport.Hello));
        await Poll.AssertUntilAsync(() => _server.Requests.Count == 1, "the first request reaches the server");
        _time.Advance(FirstToken);

        Assert.Equal("Backup voice.", LlmTestSupport.TextOf(await call));
        Assert.Equal(["model-a", "model-b"], _server.Requests.Select(LlmTestSupport.ModelOf));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_FirstTokenArrived_FirstTokenTimerNoLongerFires()
    {
        _server.Chat = _ => new FakeChatReply(["Hello", " there", " again"], TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
        using var chat = Timed("model-a");
        var texts = new List<string>();

        await foreach (var update in chat.GetStreamingResponseAsync(LlmTestSupport.Hello))
        {
            texts.Add(update.Text);
            _time.Advance(FirstToken); // after the first token only the overall limit counts
        }

        Assert.Equal("Hello there again", string.Concat(texts));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_OverallTimeoutAfterTokens_ChainPropagatesInterruption()
    {
        _server.Chat = body => (string?)body["model"] == "model-a"
            ? new FakeChatReply(["I was ", "going to say", " more"], TimeSpan.Zero, Never)
            : FakeChatReply.Text("Backup voice.");
        using var chain = new FallbackChatClient(Timed("model-a"), [Timed("model-b")]);
        var seen = new List<string>();

        var ex = await Assert.ThrowsAsync<LlmStreamInterruptedException>(async () =>
        {
            await foreach (var update in chain.GetStreamingResponseAsync(LlmTestSupport.Hello))
            {
                seen.Add(update.Text);
                if (update.Text == "I was ")
                {
                    _time.Advance(Overall);
                }
            }
        });

        Assert.Equal("I was ", ex.PartialText);
        Assert.Equal("I was ", string.Concat(seen));
        var timeout = Assert.IsType<LlmTimeoutException>(ex.InnerException);
        Assert.Equal(LlmTimeoutKind.Overall, timeout.Kind);
        Assert.Equal(["model-a"], _server.Requests.Select(LlmTestSupport.ModelOf));
    }

    [Fact]
    public async Task GetResponseAsync_SlowAnswer_ThrowsOverallTimeout()
    {
        _server.Chat = _ => FakeChatReply.Text("Too late.", firstToken: Never);
        using var chat = Timed("model-a");

        var call = chat.GetResponseAsync(LlmTestSupport.Hello);
        await Poll.AssertUntilAsync(() => _server.Requests.Count == 1, "the request reaches the server");
        _time.Advance(Overall);

        var ex = await Assert.ThrowsAsync<LlmTimeoutException>(() => call);
        Assert.Equal(LlmTimeoutKind.Overall, ex.Kind);
        Assert.IsAssignableFrom<TimeoutException>(ex);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_CallerCancels_ThrowsCancellationNotTimeout()
    {
        _server.Chat = _ => FakeChatReply.Text("Too late.", firstToken: Never);
        using var chat = Timed("model-a");
        using var cancel = new CancellationTokenSource();

        var call = LlmTestSupport.CollectAsync(chat.GetStreamingResponseAsync(LlmTestSupport.Hello, null, cancel.Token));
        await Poll.AssertUntilAsync(() => _server.Requests.Count == 1, "the request reaches the server");
        await cancel.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => call);
        Assert.IsNotType<LlmTimeoutException>(ex);
        Assert.IsAssignableFrom<OperationCanceledException>(ex);
    }

    private TimeoutChatClient Timed(string model) => new(LlmTestSupport.OpenAiChat(_server, model), FirstToken, Overall, _time);
}
