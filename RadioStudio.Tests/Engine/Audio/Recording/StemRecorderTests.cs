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

public sealed class StemRecorderTests
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

    [Fact]
    public async Task Write_RingFullWhileWriterHeld_DropsCountedAndWrittenAsSilence()
    {
        using var temp = new TempDirectory();
        await using var recorder = new StemRecorder(_log, _time, queueBlocks: 2);
        var block = MixBlock.Standard(1);
        Feed(recorder, block, 9, allActive: true);
        recorder.PauseWriter();

        recorder.Start(temp.Path, "slow disk");
        for (var index = 10L; index < 15; index++)
        {
            Feed(recorder, block, index, allActive: true); // 10, 11 queued; 12, 13, 14 find the ring full
        }

        Assert.Equal(2, recorder.QueuedBlocks);
        recorder.ResumeWriter();
        await Poll.AssertUntilAsync(() => recorder.QueuedBlocks == 0, "the writer drains the ring once resumed");
        Feed(recorder, block, 15, allActive: true);
        Feed(recorder, block, 16, allActive: true);
        var take = await recorder.StopAsync();

        Assert.NotNull(take);
        Assert.Equal((10L, 7L, 3L), (take.StartedBlockIndex, take.Blocks, take.Dropped));
        for (var bus = 0; bus < block.Buses.Length; bus++)
        {
            var expected = new float[7 * N];
            Expected(bus, 10, 2).CopyTo(expected, 0);
            Expected(bus, 15, 2).CopyTo(expected, 5 * N);
            Assert.Equal(expected, WavReader.Read(Path.Combine(take.Folder, block.Buses[bus].Name + ".wav")).Samples);
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(take.Folder, "stems.json")));
        Assert.Equal(3, manifest.RootElement.GetProperty("dropped").GetInt64());
        Assert.Equal(7, manifest.RootElement.GetProperty("blocks").GetInt64());
    }

    [Fact]
    public async Task Stop_DroppedBlocksAtTheEnd_FilesPaddedToLastBlockSeen()
    {
        using var temp = new TempDirectory();
        await using var recorder = new StemRecorder(_log, _time, queueBlocks: 1);
        var block = MixBlock.Standard(1);
        Feed(recorder, block, 0, allActive: true);
        recorder.PauseWriter();
        recorder.Start(temp.Path, "tail");
        for (var index = 1L; index <= 4; index++)
        {
            Feed(recorder, block, index, allActive: true);
        }

        recorder.ResumeWriter();
        var take = await recorder.StopAsync();

        Assert.NotNull(take);
        Assert.Equal((1L, 4L, 3L), (take.StartedBlockIndex, take.Blocks, take.Dropped));
        var expected = new float[4 * N];
        Expected(0, 1, 1).CopyTo(expected, 0);
        Assert.Equal(expected, WavReader.Read(Path.Combine(take.Folder, "host.wav")).Samples);
    }

    [Fact]
    public async Task Write_LayoutChangesMidTake_BlocksDroppedAsSilence()
    {
        using var temp = new TempDirectory();
        await using var recorder = new StemRecorder(_log, _time);
        var block = MixBlock.Standard(1);
        var wider = MixBlock.Standard(3);
        Feed(recorder, block, 0, allActive: true);
        recorder.Start(temp.Path, "layout");
        Feed(recorder, block, 1, allActive: true);
        Feed(recorder, wider, 2, allActive: true);
        Feed(recorder, wider, 3, allActive: true);
        Feed(recorder, MixBlock.Standard(1), 4, allActive: true); // a new block object with the same layout is fine

        var take = await recorder.StopAsync();

        Assert.Equal((1L, 4L, 2L), (take!.StartedBlockIndex, take.Blocks, take.Dropped));
        var expected = new float[4 * N];
        Expected(0, 1, 1).CopyTo(expected, 0);
        Expected(0, 4, 1).CopyTo(expected, 3 * N);
        Assert.Equal(expected, WavReader.Read(Path.Combine(take.Folder, "host.wav")).Samples);
    }

    [Fact]
    public async Task StopAsync_PastForcedRf64Threshold_FilesAreRf64AndReadBackExactly()
    {
        using var temp = new TempDirectory();
        await using var recorder = new StemRecorder(_log, _time, queueBlocks: 250, maxRiffSize: 20_000);
        var block = MixBlock.Standard(1);
        Feed(recorder, block, 0, allActive: true);
        recorder.Start(temp.Path, "long");
        for (var index = 1L; index <= 10; index++)
        {
            Feed(recorder, block, index, allActive: true);
        }

        var take = await recorder.StopAsync();

        Assert.NotNull(take);
        var path = Path.Combine(take.Folder, "program.wav");
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(94 + (10 * N * 4), bytes.Length);
        Assert.Equal("RF64", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(uint.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal("ds64", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(bytes.Length - 8L, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(20)));
        Assert.Equal(10L * N * 4, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(28)));
        Assert.Equal(10L * N, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(36)));
        Assert.Equal(Expected(block.Buses.Length - 1, 1, 10), WavReader.Read(path).Samples);
    }

    [Fact]
    public async Task Writer_FolderDeletedMidTake_FailedStatusAndWriteStillReturns()
    {
        using var temp = new TempDirectory();
        await using var recorder = new StemRecorder(_log, _time);
        var statuses = new ConcurrentQueue<StemRecorderStatus>();
        recorder.StatusChanged += statuses.Enqueue;
        var block = MixBlock.Standard(1);
        var phone = block.IndexOf(new BusId(BusKind.Phone, 0));
        Feed(recorder, block, 0, allActive: false);
        recorder.Start(temp.Path, "doomed");
        for (var index = 1L; index <= 5; index++)
        {
            Feed(recorder, block, index, allActive: false);
        }

        await Poll.AssertUntilAsync(() => recorder.QueuedBlocks == 0, "the first blocks are written");
        var folder = recorder.Status.Folder!;
        Directory.Delete(folder, recursive: true);
        block.SetActive(phone, true); // the phone file is created now, in a folder that is gone
        Feed(recorder, block, 6, allActive: false);

        await Poll.AssertUntilAsync(() => recorder.Status.State == StemRecorderState.Failed, "the writer reports the disk error");
        var queuedAtFailure = recorder.QueuedBlocks; // block 6 stays in its slot; the next Start empties the ring
        for (var index = 7L; index < 20; index++)
        {
            Feed(recorder, block, index, allActive: false);
        }

        Assert.Equal((1L, queuedAtFailure), (queuedAtFailure, recorder.QueuedBlocks));
        var failed = recorder.Status;
        Assert.Equal(folder, failed.Folder);
        Assert.Equal(5, failed.BlocksWritten); // block 6 failed part-way, so it does not count
        Assert.StartsWith("Stem recording stopped: ", failed.Message, StringComparison.Ordinal);
        Assert.Contains(statuses, s => s.State == StemRecorderState.Failed);
        Assert.Contains(_log.Lines, l => l.Level == LogLevel.Error && l.Error is DirectoryNotFoundException);

        var take = await recorder.StopAsync();
        Assert.NotNull(take);
        Assert.Equal(failed.Message, take.Error);
        Assert.Equal(StemRecorderState.Idle, recorder.Status.State);

        // The recorder recovers: a new take in a folder that exists works.
        Assert.True(recorder.Start(temp.Path, "again"));
        Feed(recorder, block, 30, allActive: true);
        var next = await recorder.StopAsync();
        Assert.Equal((30L, 1L, (string?)null), (next!.StartedBlockIndex, next.Blocks, next.Error));
    }

    [Fact]
    public async Task Start_UnsafeLabelAndSameSecond_SanitisedAndNumbered()
    {
        using var temp = new TempDirectory();
        await using var recorder = new StemRecorder(_log, _time);

        recorder.Start(temp.Path, " ../news at 9 ");
        var first = await recorder.StopAsync();
        recorder.Start(temp.Path, " ../news at 9 ");
        var second = await recorder.StopAsync();
        recorder.Start(temp.Path, "   ");
        var blank = await recorder.StopAsync();

        Assert.Equal(Path.Combine(temp.Path, "20261124-103005-..-news-at-9"), first!.Folder);
        Assert.Equal(Path.Combine(temp.Path, "20261124-103005-..-news-at-9-2"), second!.Folder);
        Assert.Equal(Path.Combine(temp.Path, "20261124-103005-take"), blank!.Folder);
        Assert.Equal((-1L, 0L), (first.StartedBlockIndex, first.Blocks));
        Assert.Empty(first.Files);
        Assert.Equal(["stems.json"], Directory.GetFiles(first.Folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Start_RootCannotBeCreated_FailedStatusNoThrow()
    {
        using var temp = new TempDirectory();
        await using var recorder = new StemRecorder(_log, _time);
        var file = Path.Combine(temp.Path, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");

        Assert.False(recorder.Start(file, "take"));

        Assert.Equal(StemRecorderState.Failed, recorder.Status.State);
        Assert.Null(await recorder.StopAsync());
    }

    [Fact]
    public async Task Write_Recording_AllocatesNothing()
    {
        using var temp = new TempDirectory();
        await using var recorder = new StemRecorder(_log, _time, queueBlocks: 250);
        var block = MixBlock.Standard(6);
        Feed(recorder, block, 0, allActive: true);
        recorder.Start(temp.Path, "alloc");
        var index = 1L;
        for (; index <= 300; index++)
        {
            Feed(recorder, block, index, allActive: true);
        }

        // Rounds of 100 queued writes, then 100 with the writer held (the ring fills and the rest drop).
        // Any allocation per call is ≥ 24 bytes, i.e. ≥ 2400 per round, in every round; the minimum over
        // rounds filters one-off runtime noise (tiering stubs) that a single measurement can catch.
        var queued = MeasureRounds(recorder, block, ref index);
        recorder.PauseWriter();
        var dropping = MeasureRounds(recorder, block, ref index);
        recorder.ResumeWriter();
        var take = await recorder.StopAsync();

        Assert.Equal(0, queued);
        Assert.Equal(0, dropping);
        Assert.True(take!.Dropped > 0);
        Assert.Equal(index - 1, take.Blocks);
    }

    [Fact]
    public async Task Flush_NotStopped_FileOnDiskReadableWithFlushedBlocks()
    {
        using var temp = new TempDirectory();
        await using var recorder = new StemRecorder(_log, _time);
        var block = MixBlock.Standard(1);
        Feed(recorder, block, 0, allActive: true);
        recorder.Start(temp.Path, "crash");
        for (var index = 1L; index <= 10; index++)
        {
            Feed(recorder, block, index, allActive: true);
        }

        _time.Advance(StemRecorder.FlushInterval);
        await Poll.AssertUntilAsync(() => recorder.Status.BlocksWritten == 10, "the 1 s flush covers the 10 queued blocks");
        for (var index = 11L; index <= 15; index++)
        {
            Feed(recorder, block, index, allActive: true);
        }

        await Poll.AssertUntilAsync(() => recorder.QueuedBlocks == 0, "the unflushed blocks reach the file");

        // As a crash would leave it: header covers the flushed 10 blocks, data beyond is ignored.
        var folder = recorder.Status.Folder!;
        var host = WavReader.Read(Path.Combine(folder, "host.wav"));
        Assert.Equal(Expected(0, 1, 10), host.Samples);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "stems.json"))))
        {
            Assert.Equal(10, manifest.RootElement.GetProperty("blocks").GetInt64());
        }

        var take = await recorder.StopAsync();
        Assert.Equal(Expected(0, 1, 15), WavReader.Read(Path.Combine(take!.Folder, "host.wav")).Samples);
    }

    [Fact]
    public async Task Start_BeforeAnyBlock_FirstBlockArmsTakeFromTheNext()
    {
        using var temp = new TempDirectory();
        await using var recorder = new StemRecorder(_log, _time);
        var block = MixBlock.Standard(1);

        recorder.Start(temp.Path, "cold");
        Feed(recorder, block, 0, allActive: true);
        await Poll.AssertUntilAsync(() => recorder.Armed, "the writer sizes the ring for the first block's layout");
        for (var index = 1L; index <= 3; index++)
        {
            Feed(recorder, block, index, allActive: true);
        }

        var take = await recorder.StopAsync();

        Assert.Equal((1L, 3L, 0L), (take!.StartedBlockIndex, take.Blocks, take.Dropped));
        Assert.Equal(Expected(0, 1, 3), WavReader.Read(Path.Combine(take.Folder, "host.wav")).Samples);
    }

    private static long MeasureRounds(StemRecorder recorder, MixBlock block, ref long index)
    {
        var least = long.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++, index++)
            {
                block.Index = index;
                recorder.Write(block);
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }

    // Sample s of bus b in block i: distinct per bus, per block and per sample.
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
