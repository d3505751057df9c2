using Microsoft.Extensions.AI;
using RadioStudio.Engine.Llm.Local;

namespace RadioStudio.Tests.Engine.Llm.Local;

/// <summary>LLamaSharp over a generated random-weight GGUF: load, reply, stream, cancel. Plumbing only.</summary>
public sealed class LocalLlamaChatClientTests(LocalModelFixture fixture) : IClassFixture<LocalModelFixture>
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);
    private static readonly ChatMessage[] Prompt =
        [new(ChatRole.System, "You are a caller on a late-night radio show."), new(ChatRole.User, "Hello caller, you're on the air!")];

    [Fact]
    public async Task GetStreamingResponse_GeneratedModel_StreamsTokensFromTheLoadedModel()
    {
        using var model = LocalLlamaModel.Load(fixture.ModelPath, contextSize: 512, threads: 2, maxConcurrency: 1);
        using var client = new LocalLlamaChatClient(model, null);
        using var timeout = new CancellationTokenSource(Generous);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Prompt, new ChatOptions { MaxOutputTokens = 16, Temperature = 0.8f }, timeout.Token))
        {
            updates.Add(update);
        }

        Console.WriteLine(string.Join("|", updates.Select(u => u.Text)));
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.Equal("random-llama.gguf", u.ModelId));
    }
}
