namespace RadioStudio.Engine.Llm;

/// <summary>Every link of a <see cref="FallbackChatClient"/> chain failed before answering.</summary>
public sealed class LlmUnavailableException : AggregateException
{
    /// <summary>Creates the exception from each link's failure, in chain order.</summary>
    public LlmUnavailableException(IEnumerable<Exception> failures)
        : base("No model in the fallback chain answered", failures)
    {
    }
}
