using System.Text.RegularExpressions;
using RadioStudio.Engine.Export;

namespace RadioStudio.Web.Export;

/// <summary>
/// Stable download URLs for a show's exported files: <c>/shows/{showId}/{file}</c> and <c>/shows/latest/{file}</c>.
/// Only the export's own file names are served, for ids that look like the studio's; a file not written yet is
/// generated on the spot. Host-only, like every path the access table does not open to others.
/// </summary>
public static partial class ShowDownloadEndpoints
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["transcript.txt"] = "text/plain; charset=utf-8",
        ["transcript.vtt"] = "text/vtt; charset=utf-8",
        ["transcript.srt"] = "application/x-subrip; charset=utf-8",
        ["transcript.json"] = "application/json; charset=utf-8",
        ["chapters.json"] = "application/json+chapters; charset=utf-8",
        ["notes.md"] = "text/markdown; charset=utf-8",
        ["episode.mp3"] = "audio/mpeg",
        ["episode.flac"] = "audio/flac",
    };

    /// <summary>Maps GET /shows/{showId}/{file}.</summary>
    public static IEndpointRouteBuilder MapShowDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/shows/{showId}/{file}", DownloadAsync);
        return app;
    }

    private static async Task<IResult> DownloadAsync(string showId, string file, ShowExporter exporter, ShowTimelineReader reader, CancellationToken cancellationToken)
    {
        if (!ContentTypes.TryGetValue(file, out var contentType) || !ShowId().IsMatch(showId))
        {
            return Results.NotFound();
        }

        if (showId == "latest")
        {
            if (await reader.ReadAsync("latest", cancellationToken) is not { } latest)
            {
                return Results.NotFound();
            }

            showId = latest.Show.Id;
        }

        var path = Path.Combine(exporter.FolderOf(showId), file);
        if (!File.Exists(path) && (await exporter.ExportAsync(showId, cancellationToken) is null || !File.Exists(path)))
        {
            return Results.NotFound();
        }

        return Results.File(path, contentType, fileDownloadName: file, enableRangeProcessing: true);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ShowId();
}
