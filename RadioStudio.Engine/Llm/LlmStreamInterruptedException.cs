namespace RadioStudio.Engine.Llm;

/// <summary>
/// A streamed reply failed after some of it had already been yielded, so no fallback model was tried (that
/// would splice two voices into one reply). The turn manager keeps or drops <see cref="PartialText"/> and
/// finishes the turn in character.
/// </summary>
public sealed class LlmStreamInterruptedException : Exception
{
    /// <summary>Creates the exception with the text streamed before the failure.</summary>
    public LlmStreamInterruptedException(string partialText, string? modelId, Exception innerException)
        : base($"The reply from model {modelId ?? "(unknown)"} broke off after {partialText.Length} characters: {innerException.Message}", innerException)
    {
        PartialText = partialText;
        ModelId = modelId;
    }

    /// <summary>What had streamed before the failure.</summary>
    public string PartialText { get; }

    /// <summary>The model that was streaming.</summary>
    public string? ModelId { get; }
}
