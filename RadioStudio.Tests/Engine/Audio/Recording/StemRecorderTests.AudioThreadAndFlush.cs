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

/// <summary>The audio-thread side allocates nothing; a take is readable on disk before it is stopped.</summary>
public sealed partial class StemRecorderTests
{
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
}
