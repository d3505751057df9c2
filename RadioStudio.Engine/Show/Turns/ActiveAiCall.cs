namespace RadioStudio.Engine.Show.Turns;

/// <summary>
/// The AI call on the line: its persona, the conversation as heard on air, the reaction rolled once when the
/// call began, and the token every piece of work for this call runs under (hang-up or switch cancels it).
/// </summary>
internal sealed class ActiveAiCall(int slot, Persona persona, CallReaction? reaction, TimeSpan startedAt) : IDisposable
{
    private readonly List<ConversationMessage> _conversation = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _cancellation = new();

    public int Slot { get; } = slot;

    public Persona Persona { get; } = persona;

    /// <summary>The earlier call this caller reacts to, decided once when the call began (usually none).</summary>
    public CallReaction? Reaction { get; } = reaction;

    /// <summary>Show time when the call went on the line.</summary>
    public TimeSpan StartedAt { get; } = startedAt;

    /// <summary>Cancelled when the call ends.</summary>
    public CancellationToken Token => _cancellation.Token;

    public bool Ended => _cancellation.IsCancellationRequested;

    /// <summary>A copy of the conversation so far.</summary>
    public IReadOnlyList<ConversationMessage> Conversation
    {
        get
        {
            lock (_lock)
            {
                return [.. _conversation];
            }
        }
    }

    /// <summary>Appends a line that was heard on air; ignored once the call ended.</summary>
    public void Add(ConversationMessage message)
    {
        lock (_lock)
        {
            if (!Ended)
            {
                _conversation.Add(message);
            }
        }
    }

    /// <summary>Ends the call: every turn under <see cref="Token"/> stops.</summary>
    public void End()
    {
        lock (_lock)
        {
            _cancellation.Cancel();
        }
    }

    public void Dispose() => _cancellation.Dispose();
}
