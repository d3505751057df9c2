using System.Text.Json;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Tests.Engine.Audio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.Telephony;

/// <summary>Stems follow ON AIR: a caller's voice lands in their phone stem and the program, every file the same length.</summary>
public sealed class StemsIntegrationTests(PhoneStudioFixture studio) : IClassFixture<PhoneStudioFixture>
{
    [Fact]
    public async Task OnAirSegment_WritesAlignedStemsWithTheCallerOnTheirChannel()
    {
        var recording = await studio.Engine.WaitForAsync(s => s.Audio.RecordingFolder is not null);
        var folder = recording.Audio.RecordingFolder!;
        Assert.StartsWith(Path.Combine(studio.Factory.DataFolder, "stems"), folder, StringComparison.Ordinal);

        // Half a second of the take before anyone calls (counted in blocks, not wall time: a busy machine may
        // hold the clock back while the call is set up).
        var blocks = studio.Audio.Stats.Blocks;
        await Poll.AssertUntilAsync(() => studio.Audio.Stats.Blocks >= blocks + 25, "the take has run for 25 blocks");

        var (ann, annLine) = await studio.CallInAsync("+14155550131", DspTestHelpers.Sine(8_000, 440, 8_000, amplitude: 0.4));
        await studio.Engine.TakeCallAsync(annLine);
        await Poll.AssertUntilAsync(() => studio.Phones.FindLine(annLine)!.OnAir, "Ann is in the mix");
        var from = ann.ReceivedFrames().Length;
        await Poll.AssertUntilAsync(() => ann.ReceivedFrames().Length >= from + 50, "a second on air");

        await studio.Engine.SetOnAirAsync(false);
        await studio.Engine.WaitForAsync(s => s.Audio.RecordingFolder is null);
        await Poll.AssertUntilAsync(() => File.Exists(Path.Combine(folder, "stems.json")) && Manifest(folder).GetProperty("blocks").GetInt64() > 0, "the take is finished");

        var files = Directory.GetFiles(folder, "*.wav").Select(f => Path.GetFileName(f)).Order().ToArray();
        Assert.Equal(["ads.wav", "ai.wav", "host.wav", "music.wav", "phone-1.wav", "program.wav", "sfx.wav"], files);
        var phone = WavReader.Read(Path.Combine(folder, "phone-1.wav"));
        var program = WavReader.Read(Path.Combine(folder, "program.wav"));
        Assert.All(files, f => Assert.Equal(program.Frames, WavReader.Read(Path.Combine(folder, f)).Frames));
        Assert.Equal(48_000, phone.SampleRate);

        // Ann's tone is on her stem and in the program at the level she sent it (median of the last second's
        // 100 ms windows: the take may end a moment after the call), and her stem is silent before she went on air.
        Assert.Equal(0.4, Median(Levels(phone.Samples)[^10..]), 0.04);
        Assert.Equal(0.4, Median(Levels(program.Samples)[^10..]), 0.04);
        Assert.Equal(0, DspTestHelpers.Peak(phone.Samples.AsSpan(0, 4_800)));
        Assert.Equal(0, DspTestHelpers.Peak(WavReader.Read(Path.Combine(folder, "ads.wav")).Samples));
        await ann.DisposeAsync();
    }

    private static double[] Levels(float[] samples) =>
        [.. Enumerable.Range(0, samples.Length / 4_800).Select(w => DspTestHelpers.GoertzelAmplitude(samples.AsSpan(w * 4_800, 4_800), 440, 48_000))];

    private static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);

    private static JsonElement Manifest(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "stems.json")));
        return document.RootElement.Clone();
    }
}
