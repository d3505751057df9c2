namespace RadioStudio.Engine.Audio.Media;

/// <summary>How a <see cref="TrackSource"/> decodes and plays its file.</summary>
public sealed record TrackSourceOptions
{
    /// <summary>WAV files up to this size are decoded into memory without ffmpeg (exact samples, instant loops).</summary>
    public const long DefaultInMemoryWavLimitBytes = 64L * 1024 * 1024;

    /// <summary>The ffmpeg executable; null for <c>ffmpeg</c> on PATH.</summary>
    public string? FfmpegPath { get; init; }

    /// <summary>Decoder ring size in samples (how far decoding runs ahead of playback).</summary>
    public int RingSamples { get; init; } = FfmpegDecoder.DefaultRingSamples;

    /// <summary>Whether the track starts out looping.</summary>
    public bool Loop { get; init; }

    /// <summary>Initial linear gain (1 = unity).</summary>
    public float Gain { get; init; } = 1f;

    /// <summary>
    /// WAV files no larger than this are read by <see cref="Codecs.WavReader"/> and resampled in memory instead
    /// of streamed through ffmpeg; 0 streams every file through ffmpeg.
    /// </summary>
    public long InMemoryWavLimitBytes { get; init; } = DefaultInMemoryWavLimitBytes;
}
