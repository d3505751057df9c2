using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Export;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Export;

/// <summary>Stems compressed to FLAC after the show: the same samples, a smaller file, the manifest updated, nothing lost on failure.</summary>
public sealed class StemCompressorTests
{
    [Fact]
    public async Task Compress_A24BitTake_FlacHoldsTheSameSamples_WavGone_ManifestNamesTheFlac()
    {
        using var folder = new TempDirectory();
        var take = Path.Combine(folder.Path, "20261204-220001-Night-Owls");
        Directory.CreateDirectory(take);
        var samples = Enumerable.Range(0, 48_000 * 3).Select(i => i < 48_000 ? 0f : 0.3f * MathF.Sin(i * 0.031f) * MathF.Sin(i * 0.0007f)).ToArray();
        foreach (var bus in new[] { "program", "host" })
        {
            using var writer = new WavWriter(Path.Combine(take, bus + ".wav"), 48_000, 1, WavSampleFormat.Pcm24);
            writer.Write(samples);
        }

        var expected = WavReader.Read(Path.Combine(take, "program.wav")).Samples;
        var wavBytes = new FileInfo(Path.Combine(take, "program.wav")).Length;
        await File.WriteAllTextAsync(Path.Combine(take, "stems.json"),
            """{"version":1,"startedUtc":"2026-12-04T22:00:01+00:00","sampleFormat":"pcm24","files":[{"bus":"program","file":"program.wav"},{"bus":"host","file":"host.wav"}]}""");

        var saved = await new StemCompressor(NullLogger<StemCompressor>.Instance).CompressAsync(folder.Path);

        Assert.False(File.Exists(Path.Combine(take, "program.wav")));
        Assert.True(new FileInfo(Path.Combine(take, "program.flac")).Length < wavBytes / 2, "a second of silence and a quiet tone compress well");
        Assert.True(saved > wavBytes, $"saved {saved} bytes over two files");
        Assert.Equal(expected, await DecodeAsync(Path.Combine(take, "program.flac")));
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(take, "stems.json")));
        Assert.Equal(["program.flac", "host.flac"], manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()));
        Assert.Equal("2026-12-04T22:00:01+00:00", manifest.RootElement.GetProperty("startedUtc").GetString());
        Assert.Equal([Path.Combine(take, "program.flac")], ProgramStems.Find(folder.Path, "none", new DateTimeOffset(2026, 12, 4, 22, 0, 0, TimeSpan.Zero), null));
    }

    [Fact]
    public async Task Compress_AFileFfmpegCannotRead_StaysAWav()
    {
        using var folder = new TempDirectory();
        var take = Path.Combine(folder.Path, "take");
        Directory.CreateDirectory(take);
        await File.WriteAllTextAsync(Path.Combine(take, "program.wav"), "not audio at all");
        await File.WriteAllTextAsync(Path.Combine(take, "stems.json"), """{"files":[{"bus":"program","file":"program.wav"}]}""");

        var saved = await new StemCompressor(NullLogger<StemCompressor>.Instance).CompressAsync(folder.Path);

        Assert.Equal(0, saved);
        Assert.Equal("not audio at all", await File.ReadAllTextAsync(Path.Combine(take, "program.wav")));
        Assert.Empty(Directory.EnumerateFiles(take, "*.flac*"));
        Assert.Contains("program.wav", await File.ReadAllTextAsync(Path.Combine(take, "stems.json")), StringComparison.Ordinal);
    }

    /// <summary>ffmpeg decodes the FLAC to 24-bit WAV, read back by the studio's own reader.</summary>
    private static async Task<float[]> DecodeAsync(string flac)
    {
        var wav = flac + ".check.wav";
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-v", "error", "-y", "-i", flac, "-c:a", "pcm_s24le", wav })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(process.ExitCode == 0, await error);
        return WavReader.Read(wav).Samples;
    }
}
