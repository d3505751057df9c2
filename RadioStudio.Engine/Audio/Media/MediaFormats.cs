namespace RadioStudio.Engine.Audio.Media;

/// <summary>The audio files the music library and the effects cart pick up.</summary>
public static class MediaFormats
{
    /// <summary>Extensions (lower case, with the dot): WAV is read directly, the rest through ffmpeg.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".wav", ".mp3", ".flac", ".ogg", ".m4a"];

    /// <summary>Whether <paramref name="path"/> has one of <see cref="Extensions"/> (any case).</summary>
    public static bool IsSupported(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="path"/> is a WAV file (decoded without ffmpeg where possible).</summary>
    public static bool IsWav(string path) => Path.GetExtension(path).Equals(".wav", StringComparison.OrdinalIgnoreCase);
}
