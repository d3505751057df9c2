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

/// <summary>Blocks the writer could not take: counted, and written as silence so every file stays aligned.</summary>
public sealed partial class StemRecorderTests
{
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
}
