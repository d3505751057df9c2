using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Persistence;

namespace RadioStudio.Engine.Export;

/// <summary>
/// Writes a show's transcript files, chapters, notes and podcast master into the show's own folder, next to its
/// stems (<c>&lt;stems&gt;/&lt;showId&gt;/</c>); each file is written whole under a temporary name, then moved into
/// place, so a download never sees half a file. Can be run again at any time: it regenerates everything from the
/// database and the stems.
/// </summary>
public sealed partial class ShowExporter(
    ShowTimelineReader reader, MasterRenderer master, StemCompressor compressor, ExportProgressBoard board, IOptions<StorageOptions> storage,
    IOptions<AudioOptions> audio, ILogger<ShowExporter> logger) : IDisposable
{
    /// <summary>The files an export writes, by download name.</summary>
    public static readonly IReadOnlyList<string> Files =
        ["transcript.txt", "transcript.vtt", "transcript.srt", "transcript.json", "chapters.json", "notes.md", "episode.mp3", "episode.flac"];

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>The folder every stem take and export file of a show lives in.</summary>
    public string FolderOf(string showId) => Path.Combine(StemsRoot, showId);

    private string StemsRoot => AudioOptions.Resolve(storage.Value.FullPath, audio.Value.StemsFolder);

    /// <summary>Writes every file for the show; returns its folder, or null when there is no such show.</summary>
    public async Task<string?> ExportAsync(string showId, CancellationToken cancellationToken = default)
    {
        var timeline = await reader.ReadAsync(showId, cancellationToken).ConfigureAwait(false);
        if (timeline is null)
        {
            return null;
        }

        // Renders share two cores with the live show: one export at a time.
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var id = timeline.Show.Id;
            var folder = FolderOf(id);
            Directory.CreateDirectory(folder);
            board.Report(id, new ExportProgress(ExportPhase.WritingTranscripts));
            await WriteAsync(folder, "transcript.txt", TranscriptTextWriter.Write(timeline), cancellationToken).ConfigureAwait(false);
            await WriteAsync(folder, "transcript.vtt", WebVttWriter.Write(timeline), cancellationToken).ConfigureAwait(false);
            await WriteAsync(folder, "transcript.srt", SrtWriter.Write(timeline), cancellationToken).ConfigureAwait(false);
            await WriteAsync(folder, "transcript.json", PodcastJsonWriter.Transcript(timeline), cancellationToken).ConfigureAwait(false);
            await WriteAsync(folder, "chapters.json", PodcastJsonWriter.Chapters(timeline), cancellationToken).ConfigureAwait(false);
            await WriteAsync(folder, "notes.md", ShowNotesWriter.Write(timeline), cancellationToken).ConfigureAwait(false);
            LogExported(logger, timeline.Show.Title, timeline.Calls.Count, folder);
            var rendered = await RenderMasterAsync(timeline, folder, cancellationToken).ConfigureAwait(false);
            if (audio.Value.StemFormat == StemFormat.Flac && timeline.Show.Ended is not null)
            {
                // The takes are finished once the show is off air; the episode is already downloadable meanwhile.
                board.Report(id, rendered with { Phase = ExportPhase.CompressingStems, Fraction = null });
                await compressor.CompressAsync(folder, cancellationToken).ConfigureAwait(false);
            }

            board.Report(id, rendered);
            return folder;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>The podcast master from the show's program stem(s), when it has any; a failure is logged, the text files stay.</summary>
    private async Task<ExportProgress> RenderMasterAsync(ShowTimeline timeline, string folder, CancellationToken cancellationToken)
    {
        var stems = ProgramStems.Find(StemsRoot, timeline.Show.Id, timeline.Show.Started, timeline.Show.Ended);
        if (stems.Count == 0)
        {
            return new ExportProgress(ExportPhase.NoMaster, Problem: "no program stem was recorded for this show");
        }

        var id = timeline.Show.Id;
        try
        {
            board.Report(id, new ExportProgress(ExportPhase.RenderingMaster, 0));
            await master.RenderAsync(stems, timeline, folder, p => board.Report(id, new ExportProgress(ExportPhase.RenderingMaster, p)), cancellationToken)
                .ConfigureAwait(false);
            return new ExportProgress(ExportPhase.Done, 1);
        }
        catch (Exception error) when (error is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            LogMasterFailed(logger, timeline.Show.Title, error.Message);
            return new ExportProgress(ExportPhase.NoMaster, Problem: error.Message);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _oneAtATime.Dispose();

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
