using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Export;
using RadioStudio.Engine.Show.Memory;
using RadioStudio.Engine.State;

namespace RadioStudio.Bench;

/// <summary>
/// <c>-- export [--minutes 60]</c>: renders the podcast master of a show of that length, as the studio does at OFF AIR,
/// and reports the wall time of each pass and the episode's loudness measured by ffmpeg's ebur128. The program is
/// synthetic but shaped like a show: a host at speech level (low-passed pink noise in syllables), quiet callers 20 dB down, a near-full-scale effect every
/// five minutes, pauses; 24-bit WAV, the studio's default recording format. Target: one hour in ≤ 60 s on two cores.
/// </summary>
internal static class ExportRenderRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var minutes = BenchHelpers.Option(args, "--minutes", 60);
        var folder = Path.Combine(Path.GetTempPath(), $"radiostudio-export-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        try
        {
            var program = Path.Combine(folder, "program.wav");
            Console.WriteLine($"Writing a {minutes}-minute program (24-bit WAV) …");
            WriteProgram(program, minutes);
            var timeline = Timeline(minutes);
            var renderer = new MasterRenderer(Options.Create(new ExportOptions()), NullLogger<MasterRenderer>.Instance);
            var stopwatch = Stopwatch.StartNew();
            await renderer.RenderAsync([program], timeline, folder);
            var total = stopwatch.Elapsed;
            var (integrated, truePeak) = await MeasureAsync(Path.Combine(folder, "episode.mp3"));
            var (flacIntegrated, flacPeak) = await MeasureAsync(Path.Combine(folder, "episode.flac"));
            var (measure, gain, encode) = renderer.LastTimings;
            Console.WriteLine($"| show length | measure pass | gain pass(es) | MP3 & FLAC | total | gain passes | episode.mp3 | episode.flac | cores |");
            Console.WriteLine($"|---|---|---|---|---|---|---|---|---|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {minutes} min | {measure.TotalSeconds:F1} s | {gain.TotalSeconds:F1} s | {encode.TotalSeconds:F1} s | **{total.TotalSeconds:F1} s** | {renderer.LastPasses} | {integrated:F1} LUFS, {truePeak:F1} dBTP | {flacIntegrated:F1} LUFS, {flacPeak:F1} dBTP | {Environment.ProcessorCount} |"));
            var target = TimeSpan.FromSeconds(60.0 * minutes / 60);
            Console.WriteLine(total <= target ? $"PASS: within {target.TotalSeconds:F0} s" : $"OVER: target {target.TotalSeconds:F0} s");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Host speech, quiet callers, loud effects, pauses: pink noise shaped by a 4 Hz syllable envelope.</summary>
    private static void WriteProgram(string path, int minutes)
    {
        const int rate = 48_000;
        using var writer = new WavWriter(path, rate, 1, WavSampleFormat.Pcm24);
        var random = new Random(7);
        var block = new float[rate];
        double b0 = 0, b1 = 0, b2 = 0, low = 0;
        for (var second = 0; second < minutes * 60; second++)
        {
            var inCall = second % 600 >= 300;               // every ten minutes, five minutes of a caller
            var level = inCall ? 0.03 : 0.3;                 // the caller 20 dB under the host
            var effect = second % 300 == 150;                // a near-full-scale effect every five minutes
            var pause = second % 37 == 0;                    // a breath between sentences
            for (var i = 0; i < rate; i++)
            {
                var white = (random.NextDouble() * 2) - 1;
                b0 = (0.99765 * b0) + (white * 0.0990460);
                b1 = (0.96300 * b1) + (white * 0.2965164);
                b2 = (0.57000 * b2) + (white * 1.0526913);
                // Voices have little above a few kHz: the pink noise is low-passed (one pole at about 4 kHz).
                low += 0.4 * (((b0 + b1 + b2 + (white * 0.1848)) * 0.25) - low);
                var pink = low * 1.6;
                var t = (second * (double)rate + i) / rate;
                var syllable = 0.55 + (0.45 * Math.Sin(2 * Math.PI * 4 * t));
                block[i] = effect ? (float)(0.97 * Math.Sin(2 * Math.PI * 880 * t))
                    : pause ? 0f
                    : (float)(level * syllable * pink);
            }

            writer.Write(block);
        }
    }

    private static ShowTimeline Timeline(int minutes)
    {
        var onAir = new DateTimeOffset(2026, 12, 4, 22, 0, 0, TimeSpan.Zero);
        var calls = Enumerable.Range(0, minutes / 10).Select(n =>
        {
            var start = TimeSpan.FromMinutes((n * 10) + 5);
            var end = start + TimeSpan.FromMinutes(5);
            return new CallRecord($"C{n}", "S1", PartyKind.Phone, $"Caller {n + 1}", null, onAir + start, onAir + end, start, end, "hung up",
                null, null, $"Caller {n + 1} talks about topic {n + 1}.", SummarySource.Extractive, null);
        }).ToList();
        return new ShowTimeline(new ShowInfo("S1", "Export bench", onAir, onAir.AddMinutes(minutes)), [], calls);
    }

    private static async Task<(double Integrated, double TruePeak)> MeasureAsync(string file)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-hide_banner", "-nostats", "-i", file, "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var printed = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var measured = ProgramLoudness.Parse(printed);
        return (measured.Integrated, measured.TruePeak);
    }
}
