using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Persistence;

namespace RadioStudio.Engine.Export;

/// <summary>
/// Writes a show's transcript files, chapters and notes into <c>&lt;data&gt;/exports/&lt;showId&gt;/</c>
/// (each file written whole to a temporary name, then moved into place, so a download never sees half a file).
/// Can be run again at any time: it regenerates everything from the database.
/// </summary>
public sealed partial class ShowExporter(ShowTimelineReader reader, IOptions<StorageOptions> storage, ILogger<ShowExporter> logger)
{
    /// <summary>The files an export writes, by download name.</summary>
    public static readonly IReadOnlyList<string> Files = ["transcript.txt", "transcript.vtt", "transcript.srt", "transcript.json", "chapters.json", "notes.md"];

    /// <summary>The folder a show's export lives in.</summary>
    public string FolderOf(string showId) => Path.Combine(storage.Value.FullPath, "exports", showId);

    /// <summary>Writes every file for the show; returns its folder, or null when there is no such show.</summary>
    public async Task<string?> ExportAsync(string showId, CancellationToken cancellationToken = default)
    {
        var timeline = await reader.ReadAsync(showId, cancellationToken).ConfigureAwait(false);
        if (timeline is null)
        {
            return null;
        }

        var folder = FolderOf(timeline.Show.Id);
        Directory.CreateDirectory(folder);
        await WriteAsync(folder, "transcript.txt", TranscriptTextWriter.Write(timeline), cancellationToken).ConfigureAwait(false);
        await WriteAsync(folder, "transcript.vtt", WebVttWriter.Write(timeline), cancellationToken).ConfigureAwait(false);
        await WriteAsync(folder, "transcript.srt", SrtWriter.Write(timeline), cancellationToken).ConfigureAwait(false);
        await WriteAsync(folder, "transcript.json", PodcastJsonWriter.Transcript(timeline), cancellationToken).ConfigureAwait(false);
        await WriteAsync(folder, "chapters.json", PodcastJsonWriter.Chapters(timeline), cancellationToken).ConfigureAwait(false);
        await WriteAsync(folder, "notes.md", ShowNotesWriter.Write(timeline), cancellationToken).ConfigureAwait(false);
        LogExported(logger, timeline.Show.Title, timeline.Calls.Count, folder);
        return folder;
    }

    private static async Task WriteAsync(string folder, string name, string content, CancellationToken cancellationToken)
    {
        var target = Path.Combine(folder, name);
        var temporary = target + ".part";
        await File.WriteAllTextAsync(temporary, content, new System.Text.UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, target, overwrite: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Show exported: {Title}, {Calls} call(s), files in {Folder}")]
    private static partial void LogExported(ILogger logger, string title, int calls, string folder);
}
