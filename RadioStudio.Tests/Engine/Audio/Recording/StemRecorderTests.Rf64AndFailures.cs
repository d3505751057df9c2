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

/// <summary>Multi-hour takes (RF64), disk failures and take folder naming.</summary>
public sealed partial class StemRecorderTests
{
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
}
