namespace RadioStudio.Engine.Llm;

/// <summary>
/// The model's endpoint answered, but with no words: an empty stream, or a body that is not a streamed reply at all
/// (an HTML page from a proxy or captive portal). Counted as a failure, so the fallback chain and the in-character
/// fallback line take over and the problem is shown.
/// </summary>
public sealed class LlmEmptyReplyException(string model)
    : Exception($"{model} answered with no text (an empty stream, or not a streamed reply: wrong content type?)");
