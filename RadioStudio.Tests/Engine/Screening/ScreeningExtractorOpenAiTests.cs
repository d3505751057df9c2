using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.Screening;
using RadioStudio.Tests.Engine.Llm;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Screening;

/// <summary>Structured extraction through the real OpenAI client against the fake OpenAI-compatible server.</summary>
public sealed class ScreeningExtractorOpenAiTests
{
    [Fact]
    public async Task ExtractAsync_RealClient_SendsAJsonSchemaResponseFormatAndReadsTheAnswer()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Chat = body => FakeChatReply.IsStructured(body)
            ? FakeChatReply.Json(new JsonObject { ["name"] = "Dave", ["topic"] = "the county roads", ["summary"] = "Potholes on Route 9.", ["done"] = true })
            : FakeChatReply.Text("not structured");
        var extractor = new ScreeningExtractor(new Clients(LlmTestSupport.OpenAiChat(server, "fake-cheap")));
        var at = new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);

        var result = await extractor.ExtractAsync(
            [new(at, true, "What's your name?"), new(at.AddSeconds(2), false, "Dave. The county roads are a disgrace.")], CancellationToken.None);

        Assert.Equal(new ScreeningExtraction("Dave", "the county roads", "Potholes on Route 9.", true), result);
        var request = server.Requests.Single(r => r.Path == "/v1/chat/completions").Json!;
        Assert.Equal("json_schema", (string?)request["response_format"]?["type"]);
        var schema = request["response_format"]!["json_schema"]!["schema"]!.ToJsonString();
        Assert.Contains("\"topic\"", schema, StringComparison.Ordinal);
        Assert.Contains("\"done\"", schema, StringComparison.Ordinal);
    }

    private sealed class Clients(IChatClient utility) : ILlmClients
    {
        public IChatClient Dialogue => utility;

        public IChatClient Utility => utility;

        public bool IsOffline => false;

        public string Label => "test";
    }
}
