using System.Globalization;

namespace RadioStudio.Engine.Export;

/// <summary>
/// The show's program audio as one ffmpeg input: a single take's file, or the parts a restart split joined by
/// ffmpeg's concat demuxer (the downtime is not in the episode), with its length.
/// </summary>
internal sealed record ProgramInput(IReadOnlyList<string> Arguments, TimeSpan Duration)
{
    /// <summary>Describes <paramref name="parts"/> (oldest first); a concat list is written into <paramref name="folder"/> when there are several.</summary>
    public static async Task<ProgramInput> OpenAsync(IReadOnlyList<string> parts, string folder, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        var duration = TimeSpan.Zero;
        foreach (var part in parts)
        {
            duration += await DurationAsync(part, cancellationToken).ConfigureAwait(false);
        }

        if (parts.Count == 1)
        {
            return new ProgramInput(["-i", parts[0]], duration);
        }

        var list = Path.Combine(folder, "program-parts.txt");
        await File.WriteAllLinesAsync(list, parts.Select(p => $"file '{p.Replace("'", "'\\''", StringComparison.Ordinal)}'"), cancellationToken).ConfigureAwait(false);
        return new ProgramInput(["-f", "concat", "-safe", "0", "-i", list], duration);
    }

    private static async Task<TimeSpan> DurationAsync(string file, CancellationToken cancellationToken)
    {
        var printed = await FfmpegProcess.ProbeAsync(["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file], cancellationToken).ConfigureAwait(false);
        return double.TryParse(printed.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"ffprobe could not read the length of {Path.GetFileName(file)}.");
    }
}
