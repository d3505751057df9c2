namespace RadioStudio.Engine.Audio.Media;

/// <summary>A media file could not be decoded: ffmpeg is missing, the file is unreadable, or ffmpeg reported an error.</summary>
public sealed class MediaDecodeException : Exception
{
    /// <summary>Creates the exception with a message for the operator.</summary>
    public MediaDecodeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public MediaDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
