using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace RadioStudio.Tests.Engine.Llm;

/// <summary>A chat client that streams <c>tokens</c> then throws <c>failure</c> (or finishes when it is null); counts calls.</summary>
internal sealed class ThrowingStreamChatClient(string modelId, IReadOnlyList<string> tokens, Exception? failure) : IChatClient
{
    public int Calls { get; private set; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Calls++;
        await Task.Yield();
        foreach (var token in tokens)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, token) { ModelId = modelId };
        }

        if (failure is not null)
        {
            throw failure;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("test", null, modelId) : null;

    public void Dispose()
    {
    }
}
