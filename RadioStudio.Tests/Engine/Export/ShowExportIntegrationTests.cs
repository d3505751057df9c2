using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Audio.Recording;
using RadioStudio.Engine.Export;
using RadioStudio.Engine.Studio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Export;

/// <summary>The real studio: a show interrupted by a restart is exported at OFF AIR as one timeline, downloadable by stable URLs.</summary>
public sealed class ShowExportIntegrationTests
{
    [Fact]
    public async Task OffAir_AfterARestartMidShow_ExportsOneTimelineAtStableUrls()
    {
        using var data = new TempDirectory();
        await using (var before = new StudioWebFactory(dataFolder: data.Path))
        {
            var control = before.Services.GetRequiredService<IStudioControl>();
            await control.SetOnAirAsync(true);
            await control.AddHostLineAsync("First line, before the studio restarts.");
            var stems = before.Services.GetRequiredService<StemRecorder>();
            await Poll.AssertUntilAsync(() => stems.Status.BlocksWritten >= 50, "the first part records a second of stems");
        }

        await using var after = new StudioWebFactory(dataFolder: data.Path);
        var engine = after.Services.GetRequiredService<StudioEngine>();
        var showId = engine.Current.Show!.Id;
        Assert.True(engine.Current.OnAir, "the restarted studio carries on with the same show");
        await engine.AddHostLineAsync("Second line, after the restart.");
        var secondPart = after.Services.GetRequiredService<StemRecorder>();
        await Poll.AssertUntilAsync(() => secondPart.Status.BlocksWritten >= 50, "the second part records a second of stems");
        await engine.SetOnAirAsync(false);
        await engine.WaitForAsync(s => !s.OnAir);
        var export = after.Services.GetRequiredService<ExportOnShowEnd>();
        await Poll.AssertUntilAsync(() => File.Exists(Path.Combine(after.Services.GetRequiredService<ShowExporter>().FolderOf(showId), "notes.md")), "the export is written at OFF AIR");
        await export.Current;

        // Both parts of the show were recorded into its folder, exported into it, and compressed to FLAC there.
        var folder = after.Services.GetRequiredService<ShowExporter>().FolderOf(showId);
        var files = string.Join(", ", Directory.EnumerateFiles(data.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(data.Path, f)));
        Assert.True(2 == Directory.EnumerateFiles(folder, "stems.json", SearchOption.AllDirectories).Count(), files);
        Assert.True(2 == Directory.EnumerateFiles(folder, "program.flac", SearchOption.AllDirectories).Count(), files);
        Assert.Empty(Directory.EnumerateFiles(folder, "*.wav", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(folder, "episode.mp3")), "the episode was rendered from both parts");
        Assert.Equal(ExportPhase.Done, after.Services.GetRequiredService<ExportProgressBoard>().Of(showId)?.Phase);

        using var http = after.CreateClient();
        var vtt = await http.GetStringAsync($"/shows/{showId}/transcript.vtt");
        var first = vtt.IndexOf("<v Host>First line", StringComparison.Ordinal);
        var second = vtt.IndexOf("<v Host>Second line", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, vtt);
        Assert.Equal(vtt, await http.GetStringAsync("/shows/latest/transcript.vtt"));
        using var chapters = await http.GetAsync("/shows/latest/chapters.json");
        Assert.Equal(HttpStatusCode.OK, chapters.StatusCode);
        Assert.Contains("\"version\": \"1.2.0\"", await chapters.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var traversal = await http.GetAsync("/shows/..%2F..%2Fstudio.db/transcript.txt");
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
        using var otherFile = await http.GetAsync($"/shows/{showId}/stems.json");
        Assert.Equal(HttpStatusCode.NotFound, otherFile.StatusCode);
    }
}
