using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Persistence;

namespace RadioStudio.Engine.Export;

/// <summary>
/// Writes a show's transcript files, chapters and notes into <c>&lt;data&gt;/exports/&lt;showId&gt;/</c>
/// (each file written whole to a temporary name, then moved into place, so a download never sees half a file).
/// Can be run again at any time: it regenerates everything from the database.
/// </summary>
public sealed partial class ShowExporter(
    ShowTimelineReader reader, MasterRenderer master, IOptions<StorageOptions> storage, IOptions<AudioOptions> audio, ILogger<ShowExporter> logger)
{
    /// <summary>The files an export writes, by download name.</summary>
    public static readonly IReadOnlyList<string> Files =
        ["transcript.txt", "transcript.vtt", "transcript.srt", "transcript.json", "chapters.json", "notes.md", "episode.mp3", "episode.flac"];

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
        await RenderMasterAsync(timeline, folder, cancellationToken).ConfigureAwait(false);
        return folder;
    }

    /// <summary>The podcast master from the show's program stem(s), when it has any; a failure is logged, the text files stay.</summary>
    private async Task RenderMasterAsync(ShowTimeline timeline, string folder, CancellationToken cancellationToken)
    {
        var stems = ProgramStems.Find(AudioOptions.Resolve(storage.Value.FullPath, audio.Value.StemsFolder), timeline.Show.Started, timeline.Show.Ended);
        if (stems.Count == 0)
        {
            return;
        }

        try
        {
            var program = stems.Count == 1 ? stems[0] : await MasterRenderer.JoinAsync(stems, folder, cancellationToken).ConfigureAwait(false);
            await master.RenderAsync(program, timeline, folder, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            LogMasterFailed(logger, timeline.Show.Title, error.Message);
        }
    }

    private static async Task WriteAsync(string folder, string name, string content, CancellationToken cancellationToken)
    {
        var target = Path.Combine(folder, name);
        var temporary = target + ".part";
        await File.WriteAllTextAsync(temporary, content, new System.Text.UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, target, overwrite: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The podcast master of {Title} was not rendered: {Reason}")]
    private static partial void LogMasterFailed(ILogger logger, string title, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Show exported: {Title}, {Calls} call(s), files in {Folder}")]
    private static partial void LogExported(ILogger logger, string title, int calls, string folder);
}
