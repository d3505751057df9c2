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

        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.Equal("random-llama.gguf", u.ModelId));
    }

    [Fact]
    public async Task GetResponse_AllSlotsBusy_WaitsForOneAndThenAnswers()
    {
        using var model = LocalLlamaModel.Load(fixture.ModelPath, contextSize: 512, threads: 1, maxConcurrency: 1);
        using var client = new LocalLlamaChatClient(model, null);
        using var timeout = new CancellationTokenSource(Generous);
        await model.Gate.WaitAsync(timeout.Token); // another reply holds the only slot

        var waiting = client.GetResponseAsync(Prompt, new ChatOptions { MaxOutputTokens = 4 }, timeout.Token);

        Assert.False(waiting.IsCompleted);
        model.Gate.Release();
        Assert.NotEmpty((await waiting).Text);
        Assert.Equal(1, model.Gate.CurrentCount);
    }

    [Fact]
    public async Task GetResponse_NoModel_ThrowsTheReasonForTheFallbackChain()
    {
        using var client = new LocalLlamaChatClient(null, "Llm:ModelPath is empty");

        var error = await Assert.ThrowsAsync<LocalModelException>(() => client.GetResponseAsync(Prompt));

        Assert.Equal("Llm:ModelPath is empty", error.Message);
        Assert.Equal("no model", client.GetService<ChatClientMetadata>()?.DefaultModelId);
    }
}
