using Microsoft.Extensions.AI;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Llm;

public sealed class OpenAiStreamingTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetStreamingResponseAsync_FakeServer_YieldsSeveralUpdatesThatConcatenateToTheReply()
    {
        const string reply = "Well, hello there. I have a question about my neighbour's goat.";
        _server.Chat = _ => FakeChatReply.Text(reply);
        var chat = LlmTestSupport.OpenAiChat(_server, "fake-dialogue");

        var updates = await LlmTestSupport.CollectAsync(chat.GetStreamingResponseAsync(LlmTestSupport.Hello));

        Assert.True(updates.Count(u => u.Text.Length > 0) >= 5, $"only {updates.Count} updates");
        Assert.Equal(reply, LlmTestSupport.TextOf(updates));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_FakeServer_RequestCarriesModelMessagesStreamAndKey()
    {
        var chat = LlmTestSupport.OpenAiChat(_server, "fake-dialogue");

        await LlmTestSupport.CollectAsync(chat.GetStreamingResponseAsync(LlmTestSupport.Hello));

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer " + LlmTestSupport.Key, request.Authorization);
        var body = request.Json!;
        Assert.Equal("fake-dialogue", (string?)body["model"]);
        Assert.True((bool?)body["stream"]);
        var messages = body["messages"]!.AsArray();
        Assert.Equal(2, messages.Count);
        Assert.Equal("system", (string?)messages[0]!["role"]);
        Assert.Equal("user", (string?)messages[1]!["role"]);
        Assert.Equal("Hi Dana, you're on the air.", ContentText(messages[1]!["content"]));
    }

    private static string ContentText(System.Text.Json.Nodes.JsonNode? content) => content switch
    {
        System.Text.Json.Nodes.JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"])),
        null => "",
        _ => (string?)content ?? "",
    };
}
