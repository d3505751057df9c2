using Microsoft.Extensions.AI;

namespace RadioStudio.Tests.Engine.Show;

/// <summary>An <see cref="IChatClient"/> that answers with a scripted function (text, throw, or never).</summary>
internal sealed class ScriptedChatClient(Func<IEnumerable<ChatMessage>, CancellationToken, Task<string>> answer) : IChatClient
{
    public int Calls { get; private set; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, await answer(messages, cancellationToken)));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
