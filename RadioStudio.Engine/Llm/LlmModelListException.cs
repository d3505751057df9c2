namespace RadioStudio.Engine.Llm;

/// <summary><see cref="LlmModelCatalog"/> could not list an endpoint's models; the message says why, for the settings page.</summary>
public sealed class LlmModelListException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LlmModelListException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
