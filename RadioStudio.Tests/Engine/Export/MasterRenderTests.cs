using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Export;
using RadioStudio.Engine.Show.Memory;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Export;

/// <summary>The podcast master, measured with ffmpeg's own EBU R128 meter and read back with ffprobe.</summary>
public sealed partial class MasterRenderTests
{
    private static readonly DateTimeOffset OnAir = new(2026, 12, 4, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Render_QuietCallerAndALoudEffect_Minus16LufsTruePeakUnderMinus1_ChaptersReadBack()
    {
        using var folder = new TempDirectory();
        var stems = Path.Combine(folder.Path, "stems", "S1", "20261204-220001-Night-Owls");
        Directory.CreateDirectory(stems);
        // 30 s of host-level speech noise, 30 s of a quiet caller (about 20 dB lower), a 2 s effect near full scale, 10 s more host.
        await FfmpegAsync("-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.25:duration=30:seed=1",
            "-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.025:duration=30:seed=2",
            "-f", "lavfi", "-i", "sine=frequency=880:duration=2,volume=0.97",
            "-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.25:duration=10:seed=3",
            "-filter_complex", "[0][1][2][3]concat=n=4:v=0:a=1,aresample=48000", "-ac", "1", "-c:a", "pcm_f32le", Path.Combine(stems, "program.wav"));
        await File.WriteAllTextAsync(Path.Combine(stems, "stems.json"), $$"""{"version":1,"startedUtc":"{{OnAir.AddSeconds(1):O}}","sampleRate":48000}""");
        var timeline = Timeline();
        var programs = ProgramStems.Find(Path.Combine(folder.Path, "stems"), "S1", OnAir, OnAir.AddSeconds(72));
        Assert.Single(programs);
        var reported = new List<double>();

        var mp3 = await Renderer().RenderAsync(programs, timeline, folder.Path, reported.Add);

        foreach (var file in new[] { mp3, Path.Combine(folder.Path, "episode.flac") })
        {
            var (integrated, truePeak) = await MeasureAsync(file);
            Assert.InRange(integrated, -17, -15);
            Assert.True(truePeak <= -1.0, $"{Path.GetFileName(file)}: true peak {truePeak} dBTP");
        }

        Assert.Equal(1, reported[^1]);
        Assert.True(reported.Count > 3, $"progress reported {reported.Count} times");
        Assert.Equal(reported.Order(), reported);
        var chapters = await ChaptersAsync(mp3);
        Assert.Equal(PodcastJsonWriter.ChapterList(timeline).Select(c => c.Start.TotalSeconds), chapters.Select(c => c.Start));
        Assert.Equal("Dave — Dave says the county roads are a mess.", chapters[1].Title);
        Assert.Contains("Night Owls", await FfprobeAsync("-show_entries", "format_tags=title", "-of", "default=nw=1", mp3), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ShowSplitByARestart_JoinsThePartsWithoutTheDowntime()
    {
        using var folder = new TempDirectory();
        var show = Path.Combine(folder.Path, "stems", "S1");
        var first = Path.Combine(show, "20261204-220001-Night-Owls");
        var second = Path.Combine(show, "20261204-220500-Night-Owls");
        foreach (var (take, length, startedUtc) in new[] { (first, 40, OnAir.AddSeconds(1)), (second, 32, OnAir.AddMinutes(5)) })
        {
            Directory.CreateDirectory(take);
            await FfmpegAsync("-f", "lavfi", "-i", $"anoisesrc=color=pink:amplitude=0.1:duration={length}:seed=4", "-ac", "1", "-ar", "48000",
                "-c:a", "pcm_f32le", Path.Combine(take, "program.wav"));
            await File.WriteAllTextAsync(Path.Combine(take, "stems.json"), $$"""{"version":1,"startedUtc":"{{startedUtc:O}}","sampleRate":48000}""");
        }

        var programs = ProgramStems.Find(Path.Combine(folder.Path, "stems"), "S1", OnAir, OnAir.AddMinutes(6));
        Assert.Equal([Path.Combine(first, "program.wav"), Path.Combine(second, "program.wav")], programs);

        var mp3 = await Renderer().RenderAsync(programs, Timeline(), folder.Path);

        var seconds = double.Parse(await FfprobeAsync("-show_entries", "format=duration", "-of", "csv=p=0", Path.Combine(folder.Path, "episode.flac")), CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 71.9, 72.1);
        var (integrated, truePeak) = await MeasureAsync(mp3);
        Assert.InRange(integrated, -17, -15);
        Assert.True(truePeak <= -1.0, $"true peak {truePeak} dBTP");
        Assert.False(File.Exists(Path.Combine(folder.Path, "program-parts.txt")), "the concat list is cleaned up");
    }

    [Fact]
    public void Parse_Ebur128Summary_ReadsIntegratedAndTruePeak()
    {
        const string printed = """
            [Parsed_ebur128_0 @ 0x1] Summary:

              Integrated loudness:
                I:         -23.4 LUFS
                Threshold: -33.9 LUFS

              True peak:
                Peak:       -3.2 dBFS
            """;

        var measured = ProgramLoudness.Parse(printed);

        Assert.Equal(-23.4, measured.Integrated);
        Assert.Equal(-3.2, measured.TruePeak);
        Assert.Throws<InvalidOperationException>(() => ProgramLoudness.Parse("no summary here"));
    }

    [Fact]
    public void MasterGain_BelowTheCeiling_IsTheMeasuredGainExactly()
    {
        var gain = new MasterGain(MasterGain.Toward(new ProgramLoudness(-22, -12)));
        var samples = Enumerable.Range(0, 9600).Select(i => 0.1f * MathF.Sin(i * 0.05f)).ToArray();
        var factor = (float)Math.Pow(10, gain.GainDb / 20);
        var expected = samples.Select(s => s * factor).ToArray();

        gain.Process(samples);

        Assert.Equal(LoudnessTarget.MasterAim + 22, gain.GainDb, 6);
        Assert.Equal(expected, samples);
    }

    private static MasterRenderer Renderer() => new(Options.Create(new ExportOptions()), NullLogger<MasterRenderer>.Instance);

    private static ShowTimeline Timeline() => new(
        new ShowInfo("S1", "Night Owls", OnAir, OnAir.AddSeconds(72)),
        [new TranscriptEntry(1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), "Host", PartyKind.Host, "Good evening.")],
        [
            new CallRecord("C1", "S1", PartyKind.Phone, "Dave", "+14155550100", OnAir.AddSeconds(30), OnAir.AddSeconds(60), TimeSpan.FromSeconds(30),
                TimeSpan.FromSeconds(60), "hung up", null, null, "Dave says the county roads are a mess. He wants a plough.", SummarySource.Llm, null),
            new CallRecord("C2", "S1", PartyKind.Ai, "Marguerite", null, OnAir.AddSeconds(62), OnAir.AddSeconds(70), TimeSpan.FromSeconds(62),
                TimeSpan.FromSeconds(70), "hung up", null, null, null, null, null),
        ]);

    private static async Task<(double Integrated, double TruePeak)> MeasureAsync(string file)
    {
        var output = await FfmpegAsync("-nostats", "-i", file, "-af", "ebur128=peak=true", "-f", "null", "-");
        var summary = output[output.LastIndexOf("Summary:", StringComparison.Ordinal)..];
        return (Number(Integrated().Match(summary)), Number(Peak().Match(summary)));
    }

    private static async Task<List<(double Start, string Title)>> ChaptersAsync(string mp3)
    {
        using var json = JsonDocument.Parse(await FfprobeAsync("-show_chapters", "-of", "json", mp3));
        return [.. json.RootElement.GetProperty("chapters").EnumerateArray().Select(c =>
            (Math.Round(double.Parse(c.GetProperty("start_time").GetString()!, CultureInfo.InvariantCulture), 3), c.GetProperty("tags").GetProperty("title").GetString()!))];
    }

    private static double Number(Match match)
    {
        Assert.True(match.Success, "the ebur128 summary has the value");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static Task<string> FfmpegAsync(params string[] arguments) => RunAsync("ffmpeg", ["-hide_banner", "-y", .. arguments], stderr: true);

    private static Task<string> FfprobeAsync(params string[] arguments) => RunAsync("ffprobe", ["-v", "error", .. arguments], stderr: false);

    private static async Task<string> RunAsync(string program, string[] arguments, bool stderr)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"{program} failed: {await error}");
        return stderr ? await error : await output;
    }

    [GeneratedRegex(@"I:\s+(-?[\d.]+) LUFS")]
    private static partial Regex Integrated();

    [GeneratedRegex(@"True peak:\s+Peak:\s+(-?[\d.]+) dBFS", RegexOptions.Singleline)]
    private static partial Regex Peak();
}
