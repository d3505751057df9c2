using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RadioStudio.Engine.Export;

/// <summary>
/// The podcast master, in two passes over the show's program audio. Pass one: ffmpeg's EBU R128 meter
/// (<c>ebur128</c>, BS.1770 gating, 4× true peak) measures the whole show. Pass two: the studio's own true-peak
/// limiter (<see cref="MasterGain"/>) applies the one gain that brings it to −16 LUFS and holds peaks under the
/// ceiling, and two ffmpeg encoders write <c>episode.mp3</c> (ID3v2 CHAP/CTOC chapters matching chapters.json,
/// the show's title) and <c>episode.flac</c> side by side. Every ffmpeg runs as its own process at low priority,
/// so the audio clock never waits for it. (ffmpeg's loudnorm does the same in one filter but resamples to 192 kHz
/// for its own limiter: 37 s per hour of show for its measuring pass alone here; see decision 0012.)
/// </summary>
public sealed partial class MasterRenderer(IOptions<ExportOptions> options, ILogger<MasterRenderer> logger)
{
    /// <summary>Share of the progress bar the measuring pass takes (it is about a third of the work).</summary>
    private const double MeasureShare = 0.35;

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
        progress ??= static _ => { };
        var stopwatch = Stopwatch.StartNew();
        var input = await ProgramInput.OpenAsync(programParts, folder, cancellationToken).ConfigureAwait(false);
        var measured = await ProgramLoudness.MeasureAsync(input, p => progress(p * MeasureShare), cancellationToken).ConfigureAwait(false);
        var metadata = Path.Combine(folder, "chapters.ffmeta");
        await File.WriteAllTextAsync(metadata, FfMetadata(timeline), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        var mp3 = Path.Combine(folder, "episode.mp3");
        var flac = Path.Combine(folder, "episode.flac");
        var gain = new MasterGain(measured);
        await MasterPass.RunAsync(input, gain, Encoders(metadata, mp3 + ".part.mp3", flac + ".part.flac"),
            p => progress(MeasureShare + (p * (1 - MeasureShare))), cancellationToken).ConfigureAwait(false);
        File.Move(mp3 + ".part.mp3", mp3, overwrite: true);
        File.Move(flac + ".part.flac", flac, overwrite: true);
        File.Delete(metadata);
        File.Delete(Path.Combine(folder, "program-parts.txt"));
        progress(1);
        LogRendered(logger, timeline.Show.Title, input.Duration.TotalMinutes, measured.Integrated, gain.GainDb, stopwatch.Elapsed.TotalSeconds);
        return mp3;
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

    private IReadOnlyList<IReadOnlyList<string>> Encoders(string metadata, string mp3, string flac)
    {
        string[] raw = ["-f", "f32le", "-ar", MasterPass.SampleRate.ToString(CultureInfo.InvariantCulture), "-ac", "1", "-i", "pipe:0"];
        var channels = options.Value.Channels.ToString(CultureInfo.InvariantCulture);
        return
        [
            [.. raw, "-i", metadata, "-map", "0:a", "-map_metadata", "1", "-map_chapters", "1", "-ac", channels,
             "-c:a", "libmp3lame", "-b:a", options.Value.Mp3Bitrate, "-id3v2_version", "3", "-write_id3v1", "0", "-y", mp3],
            [.. raw, "-i", metadata, "-map", "0:a", "-map_metadata", "1", "-ac", channels, "-c:a", "flac", "-sample_fmt", "s32", "-y", flac],
        ];
    }

    private static string Escape(string value) =>
        Regex.Replace(value.ReplaceLineEndings(" "), @"([=;#\\])", @"\$1");

    [LoggerMessage(Level = LogLevel.Information, Message = "Podcast master rendered: {Title}, {Minutes:F1} min at {Measured:F1} LUFS, gain {Gain:+0.0;-0.0} dB, in {Seconds:F1} s")]
    private static partial void LogRendered(ILogger logger, string title, double minutes, double measured, double gain, double seconds);
}
