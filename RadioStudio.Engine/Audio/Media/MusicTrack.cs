namespace RadioStudio.Engine.Audio.Media;

/// <summary>A track in the <see cref="MusicLibrary"/>.</summary>
/// <param name="Id">Stable id: the path relative to the library folder, with '/' separators (e.g. <c>beds/intro.mp3</c>).</param>
/// <param name="Title">The file's title tag, or its name without extension.</param>
/// <param name="Path">Full path of the file.</param>
/// <param name="Duration">Playing time from ffprobe; null when unknown (no ffprobe, unreadable file, probe timed out).</param>
public sealed record MusicTrack(string Id, string Title, string Path, TimeSpan? Duration)
{
    /// <summary>The artist tag, when the file has one.</summary>
    public string? Artist { get; init; }
}
