using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Export;

/// <summary>
/// The podcast master: the show's program stem, two-pass EBU R128 normalised by ffmpeg's loudnorm (first pass
/// measures, second applies) to −16 LUFS / ≤ −1 dBTP, as <c>episode.mp3</c> (ID3v2 chapters matching
/// chapters.json, the show's title) and <c>episode.flac</c>. ffmpeg runs as its own process at low priority, so
/// the audio clock never waits for it.
/// </summary>
public sealed partial class MasterRenderer(ILogger<MasterRenderer> logger)
{
    /// <summary>Renders <paramref name="programWav"/> into <paramref name="folder"/>; returns the MP3's path.</summary>
    public async Task<string> RenderAsync(string programWav, ShowTimeline timeline, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var stopwatch = Stopwatch.StartNew();
        var measured = await MeasureAsync(programWav, cancellationToken).ConfigureAwait(false);
        var metadata = Path.Combine(folder, "chapters.ffmeta");
        await File.WriteAllTextAsync(metadata, FfMetadata(timeline), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        var filter = string.Create(CultureInfo.InvariantCulture,
            $"loudnorm=I={LoudnessTarget.Integrated}:TP={LoudnessTarget.TruePeakAsked}:LRA={LoudnessTarget.Range}:measured_I={measured.I}:measured_TP={measured.Tp}:measured_LRA={measured.Lra}:measured_thresh={measured.Thresh}:offset={measured.Offset}:linear=true,aresample=48000");
        var mp3 = Path.Combine(folder, "episode.mp3");
        var flac = Path.Combine(folder, "episode.flac");
        await RunAsync(
            ["-y", "-i", programWav, "-i", metadata, "-map", "0:a", "-map_metadata", "1", "-map_chapters", "1", "-af", filter,
             "-ac", "1", "-c:a", "libmp3lame", "-b:a", "128k", "-id3v2_version", "3", "-write_id3v1", "0", mp3 + ".part.mp3",
             "-map", "0:a", "-map_metadata", "1", "-af", filter, "-ac", "1", "-c:a", "flac", flac + ".part.flac"],
            cancellationToken).ConfigureAwait(false);
        File.Move(mp3 + ".part.mp3", mp3, overwrite: true);
        File.Move(flac + ".part.flac", flac, overwrite: true);
        File.Delete(metadata);
        LogRendered(logger, timeline.Show.Title, measured.I, stopwatch.Elapsed.TotalSeconds);
        return mp3;
    }

    /// <summary>The parts of a show a restart split, one after the other (the downtime is not in the episode).</summary>
    public static async Task<string> JoinAsync(IReadOnlyList<string> parts, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = Path.Combine(folder, "program-parts.txt");
        await File.WriteAllLinesAsync(list, parts.Select(p => $"file '{p.Replace("'", "'\\''", StringComparison.Ordinal)}'"), cancellationToken).ConfigureAwait(false);
        var joined = Path.Combine(folder, "program-joined.wav");
        await RunAsync(["-y", "-f", "concat", "-safe", "0", "-i", list, "-c", "copy", joined], cancellationToken).ConfigureAwait(false);
        return joined;
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

    private static async Task<Measured> MeasureAsync(string input, CancellationToken cancellationToken)
    {
        var output = await RunAsync(
            ["-i", input, "-af", string.Create(CultureInfo.InvariantCulture, $"loudnorm=I={LoudnessTarget.Integrated}:TP={LoudnessTarget.TruePeakAsked}:LRA={LoudnessTarget.Range}:print_format=json"), "-f", "null", "-"],
            cancellationToken).ConfigureAwait(false);
        var json = JsonBlock().Match(output);
        if (!json.Success)
        {
            throw new InvalidOperationException("ffmpeg's loudness measurement printed no result.");
        }

        using var document = JsonDocument.Parse(json.Value);
        string Value(string name) => document.RootElement.GetProperty(name).GetString()!;
        return new Measured(Value("input_i"), Value("input_tp"), Value("input_lra"), Value("input_thresh"), Value("target_offset"));
    }

    /// <summary>Runs ffmpeg below normal priority; returns what it printed on stderr, or throws with its last lines.</summary>
    private static async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-nostats", "-threads", "1", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException("ffmpeg is not installed, so the podcast master cannot be made (apt install ffmpeg).", error);
        }

        using var process = started ?? throw new InvalidOperationException("ffmpeg could not be started (install ffmpeg).");
        try
        {
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception or PlatformNotSupportedException)
        {
            // Exited already, or not allowed here: it still runs apart from the clock.
        }

        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var printed = await stderr.ConfigureAwait(false);
        await stdout.ConfigureAwait(false);
        return process.ExitCode == 0
            ? printed
            : throw new InvalidOperationException($"ffmpeg failed ({process.ExitCode}): {string.Join(" / ", printed.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3))}");
    }

    private static string Escape(string value) =>
        Regex.Replace(value.ReplaceLineEndings(" "), @"([=;#\\])", @"\$1");

    [GeneratedRegex(@"\{[^{}]*""input_i""[^{}]*\}", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [LoggerMessage(Level = LogLevel.Information, Message = "Podcast master rendered: {Title} (measured {Measured} LUFS before) in {Seconds:F1} s")]
    private static partial void LogRendered(ILogger logger, string title, string measured, double seconds);

    private sealed record Measured(string I, string Tp, string Lra, string Thresh, string Offset);
}
