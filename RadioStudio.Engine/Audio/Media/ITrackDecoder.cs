namespace RadioStudio.Engine.Audio.Media;

/// <summary>
/// Decoded samples of one pass through a file, as the audio thread sees them: <see cref="Read"/> never
/// blocks and returns what is ready. Implemented by <see cref="FfmpegDecoder"/> (streamed) and
/// <see cref="MemoryDecoder"/> (a WAV decoded into memory).
/// </summary>
internal interface ITrackDecoder : IDisposable
{
    /// <summary>True once no more samples will arrive (the file ended, decoding failed, or it was stopped).</summary>
    bool Finished { get; }

    /// <summary>Completes when decoding ends; faults with <see cref="MediaDecodeException"/> when it failed.</summary>
    Task Completion { get; }

    /// <summary>Samples ready to read now.</summary>
    int Available { get; }

    /// <summary>Audio thread: copies up to <paramref name="buffer"/>.Length ready samples; never blocks or allocates.</summary>
    int Read(Span<float> buffer);
}
