using System.Diagnostics;
using System.Globalization;
using RadioStudio.Engine.Audio.Codecs;

namespace RadioStudio.Tests.Engine.Audio.Media;

/// <summary>Makes media files for the tests: ffmpeg's lavfi generators for compressed formats, WavWriter for exact WAVs.</summary>
internal static class MediaTestFiles
{
    /// <summary>Runs ffmpeg (overwriting outputs, errors only) and fails the test if it fails.</summary>
    public static async Task FfmpegAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["-nostdin", "-hide_banner", "-v", "error", "-y", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ffmpeg failed: {await stderr}{await stdout}");
    }

    /// <summary>A sine at <paramref name="frequency"/> Hz (lavfi's amplitude, 1/8) encoded by extension.</summary>
    public static async Task<string> SineAsync(string folder, string name, int frequency, double seconds, int sampleRate)
    {
        var path = Path.Combine(folder, name);
        await FfmpegAsync(
            "-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"sine=frequency={frequency}:duration={seconds}:sample_rate={sampleRate}"),
            "-ar", sampleRate.ToString(CultureInfo.InvariantCulture), path);
        return path;
    }

    /// <summary>Writes exact float samples as a mono float WAV.</summary>
    public static string Wav(string folder, string name, float[] samples, int sampleRate = 48_000)
    {
        var path = Path.Combine(folder, name);
        using var writer = new WavWriter(path, sampleRate, 1, WavSampleFormat.Float32);
        writer.Write(samples);
        return path;
    }

    public static float[] Ramp(int count, float step = 1e-4f) => Enumerable.Range(0, count).Select(i => i * step).ToArray();
}
