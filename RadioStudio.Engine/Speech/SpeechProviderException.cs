namespace RadioStudio.Engine.Speech;

/// <summary>
/// A speech provider could not do its work: the cloud answered with an error status, or an offline engine
/// (espeak-ng, pocketsphinx) is not installed. The message says what to fix; the fallback decorator moves on.
/// </summary>
public sealed class SpeechProviderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SpeechProviderException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SpeechProviderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SpeechProviderException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
