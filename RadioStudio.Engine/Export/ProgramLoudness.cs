using System.Globalization;
using System.Text.RegularExpressions;

namespace RadioStudio.Engine.Export;

/// <summary>
/// The program's integrated loudness (EBU R128 / ITU-R BS.1770 gating) measured by ffmpeg's <c>ebur128</c> filter,
/// with its progress as a fraction, and the true peak when the summary has one (4× oversampled; only asked for
/// where it is checked, as it triples the cost).
/// </summary>
/// <param name="Integrated">Integrated loudness, LUFS (−70 for silence).</param>
/// <param name="TruePeak">True peak, dBTP; NaN when not measured.</param>
internal sealed partial record ProgramLoudness(double Integrated, double TruePeak)
{
    /// <summary>Measures <paramref name="input"/>, reporting 0–1 as ffmpeg reads it.</summary>
    public static async Task<ProgramLoudness> MeasureAsync(ProgramInput input, Action<double> progress, CancellationToken cancellationToken)
    {
        using var ffmpeg = FfmpegProcess.Start(
            [.. input.Arguments, "-vn", "-af", "ebur128=framelog=verbose", "-f", "null", "-progress", "pipe:1", "-"],
            input: false, output: true, cancellationToken);
        await FfmpegProgress.ReadAsync(ffmpeg.Output, input.Duration, progress, cancellationToken).ConfigureAwait(false);
        var printed = await ffmpeg.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Parse(printed);
    }

    /// <summary>Reads the summary ebur128 prints at the end.</summary>
    /// <exception cref="InvalidOperationException">There is no summary.</exception>
    public static ProgramLoudness Parse(string printed)
    {
        var at = printed.LastIndexOf("Summary:", StringComparison.Ordinal);
        var summary = at < 0 ? string.Empty : printed[at..];
        var integrated = IntegratedLine().Match(summary);
        var peak = PeakLine().Match(summary);
        if (!integrated.Success)
        {
            throw new InvalidOperationException("ffmpeg's loudness measurement printed no summary.");
        }

        var truePeak = !peak.Success ? double.NaN : peak.Groups[1].Value == "-inf" ? double.NegativeInfinity : Number(peak);
        return new ProgramLoudness(integrated.Groups[1].Value == "-inf" ? -70 : Number(integrated), truePeak);
    }

    private static double Number(Match match) => double.Parse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"I:\s+(-?[\d.]+|-inf) LUFS")]
    private static partial Regex IntegratedLine();

    [GeneratedRegex(@"Peak:\s+(-?[\d.]+|-inf) dBFS")]
    private static partial Regex PeakLine();
}
