using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RadioStudio.Engine.Export;

/// <summary>
/// The podcast master. Pass one: ffmpeg's EBU R128 meter (<c>ebur128</c>, BS.1770 gating) measures the whole show.
/// Pass two: the studio's own true-peak limiter (<see cref="MasterGain"/>, 4× oversampled) applies the one gain that
/// brings it to −16 LUFS with peaks under the ceiling, into a raw file, metered again on the way; limiting loud
/// effects takes a little loudness off, so when the result is more than <see cref="Tolerance"/> away the gain is
/// corrected and the pass repeated (at most <see cref="MaxPasses"/>). Then two ffmpeg encoders write
/// <c>episode.mp3</c> (ID3v2 CHAP/CTOC chapters matching chapters.json, the show's title) and <c>episode.flac</c>
/// side by side. Every ffmpeg runs as its own process at low priority, so the audio clock never waits for it.
/// (ffmpeg's loudnorm does this in one filter but runs at 192 kHz: 37 s per hour of show for its measuring pass
/// alone here; see decision 0012.)
/// </summary>
public sealed partial class MasterRenderer(IOptions<ExportOptions> options, ILogger<MasterRenderer> logger)
{
    /// <summary>How close to the aim a pass must land (well inside the ±1 LU delivery tolerance).</summary>
    public const double Tolerance = 0.25;

    /// <summary>Gain passes at most (the first nearly always lands; a show full of limited effects needs a second).</summary>
    public const int MaxPasses = 3;

    /// <summary>Gain passes the last render needed (for the bench).</summary>
    public int LastPasses { get; private set; }

    /// <summary>How long the last render's measuring, gain passes and encoding took (for the bench).</summary>
    public (TimeSpan Measure, TimeSpan Gain, TimeSpan Encode) LastTimings { get; private set; }

    // Shares of the progress bar: measuring, the gain pass(es), encoding.
    private const double MeasureShare = 0.15;
    private const double GainShare = 0.35;

    /// <summary>Renders the show from its program stem(s) (oldest first) into <paramref name="folder"/>; returns the MP3's path.</summary>
    /// <param name="programParts">The program bus's file(s); several when a restart split the show.</param>
    /// <param name="timeline">The show, for its title and chapters.</param>
    /// <param name="folder">Where episode.mp3 and episode.flac are written.</param>
    /// <param name="progress">0–1 as the render goes (optional).</param>
    /// <param name="cancellationToken">Stops the render and its ffmpeg processes.</param>
    public async Task<string> RenderAsync(
        IReadOnlyList<string> programParts, ShowTimeline timeline, string folder, Action<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(programParts);
        ArgumentNullException.ThrowIfNull(timeline);
        var report = progress ?? (static _ => { });
        var shown = 0.0;
        progress = p =>
        {
            // Monotonic: a repeated gain pass does not send the bar backwards.
            if (p > shown)
            {
                shown = p;
                report(p);
            }
        };
        var stopwatch = Stopwatch.StartNew();
        var raw = Path.Combine(folder, "master.f32.part");
        var metadata = Path.Combine(folder, "chapters.ffmeta");
        try
        {
            var input = await ProgramInput.OpenAsync(programParts, folder, cancellationToken).ConfigureAwait(false);
            var measured = await ProgramLoudness.MeasureAsync(input, p => progress(p * MeasureShare), cancellationToken).ConfigureAwait(false);
            var measuredAt = stopwatch.Elapsed;
            var gainDb = MasterGain.Toward(measured);
            var result = measured;
            var passes = 0;
            (double Gain, double Result)? previous = null;
            while (true)
            {
                passes++;
                var pass = passes - 1;
                result = await MasterPass.ApplyAsync(input, new MasterGain(gainDb), raw, p => progress(MeasureShare + (GainShare * Math.Min(1, (pass + p) / 2))), cancellationToken)
                    .ConfigureAwait(false);
                var off = LoudnessTarget.MasterAim - result.Integrated;
                if (Math.Abs(off) <= Tolerance || gainDb == 0 || passes == MaxPasses)
                {
                    break;
                }

                // The limiter gives back less than the gain added, and the less the more it already limits (the first
                // pass fell short by `off` only because of limiting): the first step guesses the loudness each dB
                // buys from that shortfall (1.2 LU short → 0.36), then a secant step corrects it.
                var slope = previous is { } last && gainDb != last.Gain
                    ? Math.Clamp((result.Integrated - last.Result) / (gainDb - last.Gain), 0.2, 1)
                    : Math.Clamp(0.6 - (0.2 * Math.Abs(off)), 0.25, 0.9);
                previous = (gainDb, result.Integrated);
                gainDb += Math.Clamp(off / slope, -12, 12);
            }

            var gainedAt = stopwatch.Elapsed;
            await File.WriteAllTextAsync(metadata, FfMetadata(timeline), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            var mp3 = Path.Combine(folder, "episode.mp3");
            var flac = Path.Combine(folder, "episode.flac");
            await EncodeAsync(raw, metadata, mp3 + ".part.mp3", flac + ".part.flac", input.Duration,
                p => progress(MeasureShare + GainShare + ((1 - MeasureShare - GainShare) * p)), cancellationToken).ConfigureAwait(false);
            File.Move(mp3 + ".part.mp3", mp3, overwrite: true);
            File.Move(flac + ".part.flac", flac, overwrite: true);
            progress(1);
            LastPasses = passes;
            LastTimings = (measuredAt, gainedAt - measuredAt, stopwatch.Elapsed - gainedAt);
            LogRendered(logger, timeline.Show.Title, input.Duration.TotalMinutes, measured.Integrated, gainDb, result.Integrated, passes, stopwatch.Elapsed.TotalSeconds);
            return mp3;
        }
        finally
        {
            File.Delete(raw);
            File.Delete(metadata);
            File.Delete(Path.Combine(folder, "program-parts.txt"));
        }
    }

    /// <summary>The MP3 (with chapters) and the FLAC, encoded at once from the raw master; progress follows the MP3, the slower.</summary>
    private async Task EncodeAsync(string raw, string metadata, string mp3, string flac, TimeSpan duration, Action<double> progress, CancellationToken cancellationToken)
    {
        var channels = options.Value.Channels.ToString(CultureInfo.InvariantCulture);
        using var mp3Encoder = FfmpegProcess.Start(
            [.. MasterPass.RawInput(raw), "-i", metadata, "-map", "0:a", "-map_metadata", "1", "-map_chapters", "1", "-ac", channels,
             "-c:a", "libmp3lame", "-b:a", options.Value.Mp3Bitrate, "-id3v2_version", "3", "-write_id3v1", "0", "-progress", "pipe:1", "-y", mp3],
            input: false, output: true, cancellationToken);
        var flacEncoder = FfmpegProcess.RunAsync(
            [.. MasterPass.RawInput(raw), "-i", metadata, "-map", "0:a", "-map_metadata", "1", "-ac", channels, "-c:a", "flac", "-sample_fmt", "s32", "-y", flac],
            cancellationToken);
        await FfmpegProgress.ReadAsync(mp3Encoder.Output, duration, progress, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(mp3Encoder.WaitAsync(cancellationToken), flacEncoder).ConfigureAwait(false);
    }

    /// <summary>ffmpeg's metadata file: the title and one chapter per chapters.json entry, each ending where the next starts.</summary>
    public static string FfMetadata(ShowTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var chapters = PodcastJsonWriter.ChapterList(timeline);
        var end = (long)Math.Max(timeline.Duration.TotalMilliseconds, chapters[^1].Start.TotalMilliseconds + 1000);
        var text = new StringBuilder(";FFMETADATA1\n");
        text.Append("title=").Append(Escape(timeline.Show.Title)).Append('\n');
        for (var i = 0; i < chapters.Count; i++)
        {
            var start = (long)chapters[i].Start.TotalMilliseconds;
            var stop = i + 1 < chapters.Count ? (long)chapters[i + 1].Start.TotalMilliseconds : end;
            text.Append("[CHAPTER]\nTIMEBASE=1/1000\n")
                .Append("START=").Append(start.ToString(CultureInfo.InvariantCulture)).Append('\n')
                .Append("END=").Append(Math.Max(stop, start + 1).ToString(CultureInfo.InvariantCulture)).Append('\n')
                .Append("title=").Append(Escape(chapters[i].Title)).Append('\n');
        }

        return text.ToString();
    }

    private static string Escape(string value) =>
        Regex.Replace(value.ReplaceLineEndings(" "), @"([=;#\\])", @"\$1");

    [LoggerMessage(Level = LogLevel.Information, Message = "Podcast master rendered: {Title}, {Minutes:F1} min at {Measured:F1} LUFS, gain {Gain:+0.0;-0.0} dB, now {Result:F1} LUFS after {Passes} gain pass(es), in {Seconds:F1} s")]
    private static partial void LogRendered(ILogger logger, string title, double minutes, double measured, double gain, double result, int passes, double seconds);
}
