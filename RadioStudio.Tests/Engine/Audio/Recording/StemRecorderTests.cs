using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Recording;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Audio.Recording;

public sealed partial class StemRecorderTests
{
    private const int N = 960;
    private static readonly DateTimeOffset StartTime = new(2026, 11, 24, 10, 30, 5, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(StartTime);
    private readonly RecordingLogger<StemRecorder> _log = new();

    [Fact]
    public async Task StopAsync_AllBusesActive_EveryFileExactSameLengthAndManifest()
    {
        using var temp = new TempDirectory();
        await using var recorder = new StemRecorder(_log, _time);
        var block = MixBlock.Standard(2);
        Feed(recorder, block, 99, allActive: true); // idle: ignored, teaches the layout

        Assert.True(recorder.Start(temp.Path, "Morning Show"));
        Assert.False(recorder.Start(temp.Path, "double click"));
        for (var index = 100L; index < 150; index++)
        {
            Feed(recorder, block, index, allActive: true);
        }

        var take = await recorder.StopAsync();
        Feed(recorder, block, 150, allActive: true); // idle again: returns, writes nothing

        Assert.NotNull(take);
        Assert.Equal(Path.Combine(temp.Path, "20261124-103005-Morning-Show"), take.Folder);
        Assert.Equal((100L, 50L, 0L, (string?)null), (take.StartedBlockIndex, take.Blocks, take.Dropped, take.Error));
        Assert.Equal(["host", "ai", "phone-1", "phone-2", "music", "sfx", "ads", "program"], take.Files.Select(f => f.Bus.Name));
        Assert.Equal(StemRecorderState.Idle, recorder.Status.State);
        for (var bus = 0; bus < block.Buses.Length; bus++)
        {
            var audio = WavReader.Read(Path.Combine(take.Folder, block.Buses[bus].Name + ".wav"));
            Assert.Equal((48000, 1, 50 * N), (audio.SampleRate, audio.Channels, audio.Frames));
            Assert.Equal(Expected(bus, 100, 50), audio.Samples);
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(take.Folder, "stems.json")));
        var root = manifest.RootElement;
        Assert.Equal(StartTime, root.GetProperty("startedUtc").GetDateTimeOffset());
        Assert.Equal(48000, root.GetProperty("sampleRate").GetInt32());
        Assert.Equal("float32", root.GetProperty("sampleFormat").GetString());
        Assert.Equal(100, root.GetProperty("startedBlockIndex").GetInt64());
        Assert.Equal(50, root.GetProperty("blocks").GetInt64());
        Assert.Equal(50 * N, root.GetProperty("samples").GetInt64());
        Assert.Equal(0, root.GetProperty("dropped").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
        Assert.Equal(
            take.Files.Select(f => (f.Bus.Name, f.Bus.Name + ".wav")),
            root.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("bus").GetString()!, f.GetProperty("file").GetString()!)));
        Assert.Equal(["ads.wav", "ai.wav", "host.wav", "music.wav", "phone-1.wav", "phone-2.wav", "program.wav", "sfx.wav", "stems.json"],
            Directory.GetFiles(take.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StopAsync_PhoneActiveMidTake_FilePaddedFromStartEndsAligned_UnusedSlotHasNoFile()
    {
        using var temp = new TempDirectory();
        await using var recorder = new StemRecorder(_log, _time);
        var block = MixBlock.Standard(2);
        var phone2 = block.IndexOf(new BusId(BusKind.Phone, 1));
        Feed(recorder, block, 0, allActive: false);

        recorder.Start(temp.Path, "calls");
        for (var index = 1L; index <= 40; index++)
        {
            block.SetActive(phone2, index is >= 21 and <= 30); // on air for blocks 21–30, then hangs up
            Feed(recorder, block, index, allActive: false);
        }

        var take = await recorder.StopAsync();

        Assert.NotNull(take);
        Assert.Equal((1L, 40L), (take.StartedBlockIndex, take.Blocks));
        Assert.DoesNotContain(take.Files, f => f.Bus.Slot == 0 && f.Bus.Kind == BusKind.Phone);
        Assert.False(File.Exists(Path.Combine(take.Folder, "phone-1.wav")));
        var samples = WavReader.Read(Path.Combine(take.Folder, "phone-2.wav")).Samples;
        Assert.Equal(40 * N, samples.Length);
        var expected = new float[40 * N];
        Expected(phone2, 21, 10).CopyTo(expected, 20 * N);
        Assert.Equal(expected, samples);
        Assert.Equal(40 * N, WavReader.Read(Path.Combine(take.Folder, "host.wav")).Frames);
    }

    private static float Value(int bus, long index, int s) => ((bus + 1) * 0.0625f) + (index * 0.001f) + (s / 2048f);

    private static float[] Expected(int bus, long firstIndex, int blocks)
    {
        var samples = new float[blocks * N];
        for (var b = 0; b < blocks; b++)
        {
            for (var s = 0; s < N; s++)
            {
                samples[(b * N) + s] = Value(bus, firstIndex + b, s);
            }
        }

        return samples;
    }

    // Fills every bus; phone buses keep the activity the test set unless allActive, and an inactive bus
    // carries garbage so the test proves the recorder writes silence for it.
    private static void Feed(StemRecorder recorder, MixBlock block, long index, bool allActive)
    {
        block.Index = index;
        for (var bus = 0; bus < block.Buses.Length; bus++)
        {
            var active = block.Buses[bus].Kind != BusKind.Phone || allActive || block.IsActive(bus);
            block.SetActive(bus, active);
            var samples = block.Write(bus);
            for (var s = 0; s < N; s++)
            {
                samples[s] = active ? Value(bus, index, s) : 0.9f;
            }
        }

        recorder.Write(block);
    }
}
