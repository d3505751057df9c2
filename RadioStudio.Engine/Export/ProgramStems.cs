using System.Text.Json;

namespace RadioStudio.Engine.Export;

/// <summary>
/// Finds a show's program stems: the takes (folders with a <c>stems.json</c>) in the show's folder
/// (<c>&lt;stems&gt;/&lt;showId&gt;/</c>), oldest first — a show that a restart interrupted has one take per part.
/// Shows recorded before takes were filed by show are found by time: the takes that started while it was live.
/// </summary>
public static class ProgramStems
{
    private static readonly string[] ProgramFiles = ["program.wav", "program.flac"];

    /// <summary>The program file of every take of the show, oldest first.</summary>
    public static IReadOnlyList<string> Find(string stemsRoot, string showId, DateTimeOffset showStarted, DateTimeOffset? showEnded)
    {
        ArgumentNullException.ThrowIfNull(showId);
        var showFolder = Path.Combine(stemsRoot, showId);
        var filed = Takes(showFolder).Select(t => t.Program).ToList();
        return filed.Count > 0
            ? filed
            : [.. Takes(stemsRoot).Where(t => t.Started >= showStarted - TimeSpan.FromSeconds(10) && (showEnded is null || t.Started <= showEnded)).Select(t => t.Program)];
    }

    private static IEnumerable<(DateTimeOffset Started, string Program)> Takes(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var takes = new List<(DateTimeOffset Started, string Program)>();
        foreach (var manifest in Directory.EnumerateFiles(folder, "stems.json", SearchOption.AllDirectories))
        {
            var take = Path.GetDirectoryName(manifest)!;
            var program = ProgramFiles.Select(f => Path.Combine(take, f)).FirstOrDefault(File.Exists);
            if (program is not null && Started(manifest) is { } started)
            {
                takes.Add((started, program));
            }
        }

        return takes.OrderBy(t => t.Started);
    }

    private static DateTimeOffset? Started(string manifest)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
            return document.RootElement.TryGetProperty("startedUtc", out var value) && value.TryGetDateTimeOffset(out var started) ? started : null;
        }
        catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
