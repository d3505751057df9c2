namespace RadioStudio.Engine.Llm;

/// <summary>Which limit an <see cref="LlmTimeoutException"/> hit.</summary>
public enum LlmTimeoutKind
{
    /// <summary>No token streamed within the first-token timeout.</summary>
    FirstToken,

    /// <summary>The whole call took longer than the overall timeout.</summary>
    Overall,
}
