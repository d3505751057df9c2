using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using RadioStudio.Engine.Llm;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Llm;

/// <summary>The real OpenAI client pointed at the fake server, the shipped offline script, and stream helpers.</summary>
internal static class LlmTestSupport
{
    public const string Key = "sk-test-123";

    public static readonly ChatMessage[] Hello = [new(ChatRole.System, "You are Dana, calling Late Night Radio."), new(ChatRole.User, "Hi Dana, you're on the air.")];

    /// <summary>A real OpenAI chat client for <paramref name="model"/> at the fake, without the SDK's own retries.</summary>
    public static IChatClient OpenAiChat(FakeOpenAiServer server, string model) =>
        new OpenAIClient(new ApiKeyCredential(Key), new OpenAIClientOptions
        {
            Endpoint = new Uri(server.BaseUrl),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        }).GetChatClient(model).AsIChatClient();

    public static OfflineScript Script() => OfflineScript.LoadFromAppDirectory("Llm/Data/offline-script.en-US.json");

    public static async Task<List<ChatResponseUpdate>> CollectAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var list = new List<ChatResponseUpdate>();
        await foreach (var update in updates)
        {
            list.Add(update);
        }

        return list;
    }

    public static string TextOf(IEnumerable<ChatResponseUpdate> updates) => string.Concat(updates.Select(u => u.Text));

    public static string? ModelOf(FakeOpenAiRequest request) => (string?)request.Json?["model"];
}
