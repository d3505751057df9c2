namespace RadioStudio.Engine.Llm.Local;

/// <summary>The local GGUF model is missing, unreadable or could not be loaded by llama.cpp; the message says what to fix.</summary>
public sealed class LocalModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LocalModelException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LocalModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public LocalModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
