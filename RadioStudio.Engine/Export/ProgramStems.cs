using System.Text.Json;

namespace RadioStudio.Engine.Export;

/// <summary>
/// Finds a show's program stems: the takes (folders with a <c>stems.json</c>) that started while the show was live,
/// in order. A show that a restart interrupted has one take per part.
/// </summary>
public static class ProgramStems
{
    /// <summary>The <c>program.wav</c> of every take of the show, oldest first.</summary>
    public static IReadOnlyList<string> Find(string stemsFolder, DateTimeOffset showStarted, DateTimeOffset? showEnded)
    {
        if (!Directory.Exists(stemsFolder))
        {
            return [];
        }

        var takes = new List<(DateTimeOffset Started, string Program)>();
        foreach (var manifest in Directory.EnumerateFiles(stemsFolder, "stems.json", SearchOption.AllDirectories))
        {
            var program = Path.Combine(Path.GetDirectoryName(manifest)!, "program.wav");
            if (!File.Exists(program) || Started(manifest) is not { } started)
            {
                continue;
            }

            if (started >= showStarted - TimeSpan.FromSeconds(10) && (showEnded is null || started <= showEnded))
            {
                takes.Add((started, program));
            }
        }

        return [.. takes.OrderBy(t => t.Started).Select(t => t.Program)];
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
