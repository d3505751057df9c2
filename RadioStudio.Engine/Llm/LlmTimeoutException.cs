namespace RadioStudio.Engine.Llm;

/// <summary>A model did not answer in time (thrown by <see cref="TimeoutChatClient"/>, never for the caller's own cancellation).</summary>
public sealed class LlmTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for <paramref name="kind"/> after <paramref name="limit"/>.</summary>
    public LlmTimeoutException(LlmTimeoutKind kind, TimeSpan limit, string? modelId, Exception? innerException = null)
        : base(Describe(kind, limit, modelId), innerException)
    {
        Kind = kind;
        Limit = limit;
        ModelId = modelId;
    }

    /// <summary>Which limit was hit.</summary>
    public LlmTimeoutKind Kind { get; }

    /// <summary>The limit that was exceeded.</summary>
    public TimeSpan Limit { get; }

    /// <summary>The model that was too slow, when known.</summary>
    public string? ModelId { get; }

    private static string Describe(LlmTimeoutKind kind, TimeSpan limit, string? modelId) =>
        FormattableString.Invariant($"{(kind == LlmTimeoutKind.FirstToken ? "No first token" : "No complete answer")} from model {modelId ?? "(unknown)"} within {limit.TotalSeconds:0.###} s");
}
