using Microsoft.Extensions.AI;
using RadioStudio.Engine.Llm;

namespace RadioStudio.Tests.Engine.Show.Memory;

/// <summary>An LLM whose utility model records what it was given and answers with a script.</summary>
internal sealed class FakeLlm(Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<string>>? answer, bool offline = false) : ILlmClients, IChatClient
{
    private readonly List<IReadOnlyList<ChatMessage>> _received = [];

    public IReadOnlyList<IReadOnlyList<ChatMessage>> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public IChatClient Dialogue => this;

    public IChatClient Utility => this;

    public bool IsOffline => offline;

    public string Label => offline ? "offline script" : "fake";

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        lock (_received)
        {
            _received.Add(list);
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, await (answer ?? ((_, _) => Task.FromResult("")))(list, cancellationToken)));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
