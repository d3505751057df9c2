using System.Globalization;

namespace RadioStudio.Engine.Export;

/// <summary>Reads ffmpeg's <c>-progress</c> lines (<c>out_time_us=…</c>) and reports how far through the input it is.</summary>
internal static class FfmpegProgress
{
    /// <summary>Reports 0–1 of <paramref name="duration"/> until the stream ends.</summary>
    public static async Task ReadAsync(Stream progressStream, TimeSpan duration, Action<double> progress, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(progressStream);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (duration > TimeSpan.Zero && line.StartsWith("out_time_us=", StringComparison.Ordinal)
                && long.TryParse(line.AsSpan(12), NumberStyles.Integer, CultureInfo.InvariantCulture, out var microseconds))
            {
                progress(Math.Clamp(microseconds / duration.TotalMicroseconds, 0, 1));
            }
        }
    }
}
