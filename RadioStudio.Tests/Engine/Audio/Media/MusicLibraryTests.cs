using RadioStudio.Engine.Audio.Media;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Audio.Media;

public sealed class MusicLibraryTests
{
    [Fact]
    public async Task ScanAsync_FolderAndOneLevelOfSubfolders_SupportedFilesWithDurations()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(folder.Path, "beds", "deeper"));
        MediaTestFiles.Wav(folder.Path, "b.wav", new float[24_000]);
        await MediaTestFiles.SineAsync(folder.Path, "a.flac", 440, 2, 48_000);
        await MediaTestFiles.SineAsync(Path.Combine(folder.Path, "beds"), "intro.ogg", 440, 1, 48_000);
        MediaTestFiles.Wav(Path.Combine(folder.Path, "beds", "deeper"), "too-deep.wav", new float[10]);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "cover.jpg"), "x");
        var library = new MusicLibrary(folder.Path);

        var tracks = await library.ScanAsync();

        Assert.Equal(["a.flac", "b.wav", "beds/intro.ogg"], tracks.Select(t => t.Id));
        Assert.Equal(tracks, library.Tracks);
        Assert.Equal(2.0, tracks[0].Duration!.Value.TotalSeconds, 0.01);
        Assert.Equal(0.5, tracks[1].Duration!.Value.TotalSeconds, 0.01);
        Assert.Equal(1.0, tracks[2].Duration!.Value.TotalSeconds, 0.05);
        Assert.Equal("intro", tracks[2].Title);
        Assert.Equal(Path.Combine(folder.Path, "beds", "intro.ogg"), tracks[2].Path);
        Assert.Null(library.Message);
    }

    [Fact]
    public async Task ScanAsync_TitleAndArtistTags_Used()
    {
        using var folder = new TempDirectory();
        await MediaTestFiles.FfmpegAsync("-f", "lavfi", "-i", "sine=duration=1", "-metadata", "title=Morning Theme", "-metadata", "artist=The Band", Path.Combine(folder.Path, "x.mp3"));

        var track = Assert.Single(await new MusicLibrary(folder.Path).ScanAsync());

        Assert.Equal("Morning Theme", track.Title);
        Assert.Equal("The Band", track.Artist);
    }

    [Fact]
    public async Task ScanAsync_MissingFolder_EmptyWithMessage()
    {
        using var folder = new TempDirectory();
        var library = new MusicLibrary(Path.Combine(folder.Path, "nope"));

        var tracks = await library.ScanAsync();

        Assert.Empty(tracks);
        Assert.Contains("does not exist", library.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_NoFfprobe_TracksWithUnknownDurationAndMessage()
    {
        using var folder = new TempDirectory();
        MediaTestFiles.Wav(folder.Path, "song.wav", new float[100]);
        var library = new MusicLibrary(folder.Path, ffprobePath: Path.Combine(folder.Path, "no-ffprobe"));

        var track = Assert.Single(await library.ScanAsync());

        Assert.Equal("song", track.Title);
        Assert.Null(track.Duration);
        Assert.Contains("ffprobe was not found", library.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_Rescan_PicksUpNewAndRemovedFiles()
    {
        using var folder = new TempDirectory();
        var first = MediaTestFiles.Wav(folder.Path, "one.wav", new float[4800]);
        var library = new MusicLibrary(folder.Path);
        await library.ScanAsync();

        File.Delete(first);
        MediaTestFiles.Wav(folder.Path, "two.wav", new float[4800]);
        var tracks = await library.ScanAsync();

        Assert.Equal("two.wav", Assert.Single(tracks).Id);
        Assert.Equal(0.1, tracks[0].Duration!.Value.TotalSeconds, 0.001);
        Assert.Equal("two.wav", library.Find("two.wav")!.Id);
        Assert.Null(library.Find("one.wav"));
    }

    [Fact]
    public async Task ScanAsync_UnreadableFile_ListedWithUnknownDuration()
    {
        using var folder = new TempDirectory();
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "broken.mp3"), new byte[10]);
        var library = new MusicLibrary(folder.Path);

        var track = Assert.Single(await library.ScanAsync());

        Assert.Null(track.Duration);
        Assert.Contains("could not be probed", library.Message, StringComparison.Ordinal);
    }
}
