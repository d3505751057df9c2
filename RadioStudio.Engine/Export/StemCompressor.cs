using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Export;

/// <summary>
/// After a show is exported, compresses its stems losslessly to FLAC (<c>Audio:StemFormat=Flac</c>): each WAV of
/// each finished take becomes a FLAC of the same samples, checked sample for sample count before the WAV is deleted,
/// and the take's <c>stems.json</c> then names the FLAC files. ffmpeg does the encoding at low priority, one file at a
/// time. A file that fails stays a WAV (nothing is lost) and the reason is logged.
/// </summary>
public sealed partial class StemCompressor(ILogger<StemCompressor> logger)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Compresses every take in <paramref name="showFolder"/>; returns the bytes saved.</summary>
    public async Task<long> CompressAsync(string showFolder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(showFolder))
        {
            return 0;
        }

        var saved = 0L;
        foreach (var manifest in Directory.EnumerateFiles(showFolder, "stems.json", SearchOption.AllDirectories).ToList())
        {
            var take = Path.GetDirectoryName(manifest)!;
            var compressed = new List<string>();
            foreach (var wav in Directory.EnumerateFiles(take, "*.wav").Order(StringComparer.Ordinal).ToList())
            {
                try
                {
                    saved += await CompressFileAsync(wav, cancellationToken).ConfigureAwait(false);
                    compressed.Add(Path.GetFileName(wav));
                }
                catch (Exception error) when (error is InvalidOperationException or IOException or UnauthorizedAccessException)
                {
                    LogFileFailed(logger, wav, error.Message);
                }
            }

            if (compressed.Count > 0)
            {
                RenameInManifest(manifest, compressed);
            }
        }

        if (saved > 0)
        {
            LogCompressed(logger, showFolder, saved / (1024.0 * 1024.0));
        }

        return saved;
    }

    private static async Task<long> CompressFileAsync(string wav, CancellationToken cancellationToken)
    {
        var flac = Path.ChangeExtension(wav, ".flac");
        var part = flac + ".part.flac";
        await FfmpegProcess.RunAsync(["-i", wav, "-map", "0:a", "-c:a", "flac", "-compression_level", "5", "-y", part], cancellationToken).ConfigureAwait(false);
        var expected = await SamplesAsync(wav, cancellationToken).ConfigureAwait(false);
        var written = await SamplesAsync(part, cancellationToken).ConfigureAwait(false);
        if (written != expected)
        {
            File.Delete(part);
            throw new InvalidOperationException($"the FLAC holds {written} samples, the WAV {expected}; the WAV is kept");
        }

        File.Move(part, flac, overwrite: true);
        var before = new FileInfo(wav).Length;
        File.Delete(wav);
        return before - new FileInfo(flac).Length;
    }

    /// <summary>The file's length in samples, as ffprobe reads it from the container.</summary>
    private static async Task<long> SamplesAsync(string file, CancellationToken cancellationToken)
    {
        var printed = await FfmpegProcess.ProbeAsync(
            ["-v", "error", "-select_streams", "a:0", "-show_entries", "stream=duration_ts", "-of", "csv=p=0", file], cancellationToken).ConfigureAwait(false);
        return long.TryParse(printed.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var samples)
            ? samples
            : throw new InvalidOperationException($"ffprobe could not count the samples of {Path.GetFileName(file)}");
    }

    private static void RenameInManifest(string manifest, List<string> compressed)
    {
        var json = JsonNode.Parse(File.ReadAllBytes(manifest)) as JsonObject;
        if (json?["files"] is not JsonArray files)
        {
            return;
        }

        foreach (var file in files.OfType<JsonObject>())
        {
            if (file["file"]?.GetValue<string>() is { } name && compressed.Contains(name, StringComparer.Ordinal))
            {
                file["file"] = Path.ChangeExtension(name, ".flac");
            }
        }

        json["sampleFormat"] = "flac";
        File.WriteAllText(manifest + ".tmp", json.ToJsonString(Indented));
        File.Move(manifest + ".tmp", manifest, overwrite: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stem {File} stays a WAV: {Reason}")]
    private static partial void LogFileFailed(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stems in {Folder} compressed to FLAC: {Megabytes:F0} MB saved")]
    private static partial void LogCompressed(ILogger logger, string folder, double megabytes);
}
