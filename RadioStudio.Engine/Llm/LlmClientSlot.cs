using Microsoft.Extensions.AI;

namespace RadioStudio.Engine.Llm;

/// <summary>
/// A stable <see cref="IChatClient"/> that forwards each call to whatever chain is current, so code holding
/// <see cref="ILlmClients.Dialogue"/> picks up a reconfiguration; a call in flight finishes on its old chain.
/// </summary>
internal sealed class LlmClientSlot(Func<IChatClient> current) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        current().GetResponseAsync(messages, options, cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        current().GetStreamingResponseAsync(messages, options, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(LlmClientSlot) ? this : current().GetService(serviceType, serviceKey);

    public void Dispose()
    {
    }
}
