using RadioStudio.Engine.Audio.Media;
using RadioStudio.Tests.Support;
using static RadioStudio.Tests.Engine.Audio.DspTestHelpers;

namespace RadioStudio.Tests.Engine.Audio.Media;

public sealed class FfmpegDecoderTests
{
    // lavfi's sine source plays at 1/8 of full scale.
    private const double LavfiAmplitude = 0.125;

    [Fact]
    public async Task DecodeAllAsync_Mp3Sine_LengthWithinOneFrameAndFrequency()
    {
        using var folder = new TempDirectory();
        var path = await MediaTestFiles.SineAsync(folder.Path, "tone.mp3", 440, 2, 44_100);

        var samples = await FfmpegDecoder.DecodeAllAsync(path, TimeSpan.FromSeconds(10));

        // ffmpeg trims the LAME encoder delay and padding, so 2 s comes back as 2 s; allow one MP3 frame
        // (1152 samples at 44.1 kHz = 1254 at 48 kHz) for an encoder or decoder that does not.
        Assert.InRange(samples.Length, 96_000 - 1254, 96_000 + 1254);
        var middle = samples.AsSpan(24_000, 48_000); // 1 s: whole cycles of 440 Hz
        Assert.Equal(LavfiAmplitude, GoertzelAmplitude(middle, 440, 48_000), 0.01);
        Assert.True(GoertzelAmplitude(middle, 1000, 48_000) < 1e-3);
    }

    [Fact]
    public async Task Stream_FlacSine_ExactLengthAndFrequency()
    {
        using var folder = new TempDirectory();
        var path = await MediaTestFiles.SineAsync(folder.Path, "tone.flac", 1000, 2, 48_000);
        using var decoder = new FfmpegDecoder(path);

        var samples = await DrainAsync(decoder);

        Assert.Equal(96_000, samples.Length); // lossless, no padding
        Assert.Equal(DecoderState.Completed, decoder.State);
        Assert.Null(decoder.Error);
        Assert.Equal(LavfiAmplitude, GoertzelAmplitude(samples.AsSpan(0, 48_000), 1000, 48_000), 0.001);
        Assert.True(GoertzelAmplitude(samples.AsSpan(0, 48_000), 440, 48_000) < 1e-4);
    }

    [Theory]
    [InlineData("tone.mp3")]
    [InlineData("tone.ogg")]
    [InlineData("tone.m4a")]
    [InlineData("tone.flac")]
    [InlineData("tone.wav")]
    public async Task DecodeAllAsync_EachFormat_ToneAtItsFrequency(string name)
    {
        using var folder = new TempDirectory();
        var path = await MediaTestFiles.SineAsync(folder.Path, name, 1000, 1, 44_100);

        var samples = await FfmpegDecoder.DecodeAllAsync(path, TimeSpan.FromSeconds(10));

        // Lossy encoders may add up to a frame or two of padding (AAC: 1024 + priming); within 3000 samples.
        Assert.InRange(samples.Length, 48_000 - 3000, 48_000 + 3000);
        var middle = samples.AsSpan(12_000, 24_000); // 0.5 s: whole cycles
        Assert.Equal(LavfiAmplitude, GoertzelAmplitude(middle, 1000, 48_000), 0.01);
        Assert.True(GoertzelAmplitude(middle, 440, 48_000) < 2e-3);
    }

    [Fact]
    public async Task Stream_ThreeMinuteFile_BackPressureKeepsAtMostOneRing()
    {
        using var folder = new TempDirectory();
        var path = await MediaTestFiles.SineAsync(folder.Path, "long.flac", 440, 180, 48_000);
        using var decoder = new FfmpegDecoder(path, ringSamples: 48_000);

        // Nobody reads: the reader fills the ring and then waits instead of buffering the file.
        await Poll.AssertUntilAsync(() => decoder.WaitingForSpace, "the reader waits on a full ring");
        Assert.Equal(decoder.RingCapacity, decoder.Buffered);
        Assert.Equal(decoder.RingCapacity, decoder.SamplesDecoded);
        Assert.Equal(DecoderState.Running, decoder.State);

        var total = 0L;
        var maxBuffered = 0;
        var block = new float[960];
        while (true)
        {
            maxBuffered = Math.Max(maxBuffered, decoder.Buffered);
            Assert.True(decoder.SamplesDecoded - decoder.SamplesRead <= decoder.RingCapacity);
            var read = decoder.Read(block);
            total += read;
            if (read == 0)
            {
                if (decoder.IsDrained)
                {
                    break;
                }

                await Poll.AssertUntilAsync(() => decoder.Buffered > 0 || decoder.IsDrained, "decoding continues");
            }
        }

        Assert.Equal(180L * 48_000, total);
        Assert.Equal(decoder.RingCapacity, maxBuffered);
        await decoder.Completion;
    }

    [Fact]
    public async Task Start_FfmpegMissing_FailedWithClearError()
    {
        using var folder = new TempDirectory();
        var path = MediaTestFiles.Wav(folder.Path, "a.wav", new float[100]);
        using var decoder = new FfmpegDecoder(path, ffmpegPath: Path.Combine(folder.Path, "no-such-ffmpeg"));

        var error = await Assert.ThrowsAsync<MediaDecodeException>(() => decoder.Completion);

        Assert.Equal(DecoderState.Failed, decoder.State);
        Assert.Contains("ffmpeg was not found", decoder.Error, StringComparison.Ordinal);
        Assert.Equal(error.Message, decoder.Error);
        Assert.True(decoder.IsDrained);
        Assert.Equal(0, decoder.Read(new float[960]));
    }

    [Fact]
    public async Task Start_GarbageFile_FailedWithFfmpegMessage()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "broken.mp3");
        await File.WriteAllBytesAsync(path, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray());
        using var decoder = new FfmpegDecoder(path);

        await Assert.ThrowsAsync<MediaDecodeException>(() => decoder.Completion);

        Assert.Equal(DecoderState.Failed, decoder.State);
        Assert.Contains("broken.mp3", decoder.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MissingFile_FailedFileNotFound()
    {
        using var folder = new TempDirectory();
        using var decoder = new FfmpegDecoder(Path.Combine(folder.Path, "gone.flac"));

        await Assert.ThrowsAsync<MediaDecodeException>(() => decoder.Completion);

        Assert.StartsWith("File not found", decoder.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_MidFile_StopsWithoutError()
    {
        using var folder = new TempDirectory();
        var path = await MediaTestFiles.SineAsync(folder.Path, "long.flac", 440, 60, 48_000);
        var decoder = new FfmpegDecoder(path, ringSamples: 9600);
        await Poll.AssertUntilAsync(() => decoder.WaitingForSpace, "the ring fills");

        decoder.Dispose();
        await decoder.Completion;

        Assert.Equal(DecoderState.Stopped, decoder.State);
        Assert.Null(decoder.Error);
        Assert.True(decoder.Finished);
    }

    [Fact]
    public async Task DecodeAllAsync_LongerThanLimit_Throws()
    {
        using var folder = new TempDirectory();
        var path = await MediaTestFiles.SineAsync(folder.Path, "tone.flac", 440, 3, 48_000);

        await Assert.ThrowsAsync<MediaDecodeException>(() => FfmpegDecoder.DecodeAllAsync(path, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Read_AfterWarmUp_AllocatesNothing()
    {
        using var folder = new TempDirectory();
        var path = await MediaTestFiles.SineAsync(folder.Path, "tone.flac", 440, 30, 48_000);
        using var decoder = new FfmpegDecoder(path);
        await Poll.AssertUntilAsync(() => decoder.WaitingForSpace, "the ring fills");
        var block = new float[960];
        decoder.Read(block);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 90; i++)
        {
            decoder.Read(block);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static async Task<float[]> DrainAsync(FfmpegDecoder decoder)
    {
        var samples = new List<float>();
        var block = new float[960];
        while (!decoder.IsDrained)
        {
            var read = decoder.Read(block);
            samples.AddRange(block.AsSpan(0, read));
            if (read == 0)
            {
                await Poll.AssertUntilAsync(() => decoder.Buffered > 0 || decoder.Finished, "decoding continues");
            }
        }

        return [.. samples];
    }
}
