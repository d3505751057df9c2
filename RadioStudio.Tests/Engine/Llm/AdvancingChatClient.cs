using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace RadioStudio.Tests.Engine.Llm;

/// <summary>Streams tokens while moving a <see cref="FakeTimeProvider"/> on: <c>beforeFirst</c>, then <c>between</c> per token.</summary>
internal sealed class AdvancingChatClient(FakeTimeProvider time, TimeSpan beforeFirst, TimeSpan between, string modelId, params string[] tokens) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        time.Advance(beforeFirst);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (i > 0)
            {
                time.Advance(between);
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, tokens[i]) { ModelId = modelId };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
