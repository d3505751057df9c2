namespace RadioStudio.Engine.Audio.Media;

/// <summary>Where a decoder is in its life.</summary>
public enum DecoderState
{
    /// <summary>The decoder process is starting or has not produced anything yet.</summary>
    Starting,

    /// <summary>Decoding: samples are arriving in the ring.</summary>
    Running,

    /// <summary>The whole file was decoded; what is left in the ring is the end of it.</summary>
    Completed,

    /// <summary>Decoding failed (no ffmpeg, unreadable file, …); see the decoder's error message.</summary>
    Failed,

    /// <summary>Stopped by <see cref="IDisposable.Dispose"/> before the end of the file.</summary>
    Stopped,
}
