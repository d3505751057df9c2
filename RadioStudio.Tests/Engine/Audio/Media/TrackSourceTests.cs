using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Media;
using RadioStudio.Tests.Support;
using static RadioStudio.Tests.Engine.Audio.DspTestHelpers;

namespace RadioStudio.Tests.Engine.Audio.Media;

public sealed class TrackSourceTests
{
    private const int FfmpegDecoderRing = 90_000;

    [Fact]
    public async Task Read_SmallWav_ExactSamplesThenEnds()
    {
        using var folder = new TempDirectory();
        var ramp = MediaTestFiles.Ramp(2500);
        using var track = new TrackSource(MediaTestFiles.Wav(folder.Path, "ramp.wav", ramp));
        Assert.True(await track.PrimeAsync());

        var block = new float[960];
        Assert.Equal(960, track.Read(block));
        Assert.Equal(ramp[..960], block);
        Assert.Equal(960, track.Read(block));
        Assert.Equal(ramp[960..1920], block);
        Assert.Equal(580, track.Read(block));
        Assert.Equal(ramp[1920..], block[..580]);
        Assert.True(track.IsEnded);
        Assert.Equal(0, track.Read(block));
        Assert.Equal(0, track.Underruns);
        Assert.Equal(2500, track.PlayedSamples);
    }

    [Fact]
    public async Task Read_Wav44k_ResampledTo48k()
    {
        using var folder = new TempDirectory();
        var path = MediaTestFiles.Wav(folder.Path, "tone.wav", Sine(44_100, 1000, 44_100), sampleRate: 44_100);
        using var track = new TrackSource(path);
        await track.PrimeAsync();

        var samples = ReadToEnd(track);

        Assert.Equal(48_000, samples.Length);
        Assert.Equal(0.5, GoertzelAmplitude(samples.AsSpan(4800, 38_400), 1000, 48_000), 0.01);
    }

    [Fact]
    public async Task Read_LoopingWav_SampleExactSeams()
    {
        using var folder = new TempDirectory();
        var ramp = MediaTestFiles.Ramp(1000);
        using var track = new TrackSource(MediaTestFiles.Wav(folder.Path, "loop.wav", ramp), new TrackSourceOptions { Loop = true });
        await track.PrimeAsync();

        var output = new float[3 * 960];
        for (var offset = 0; offset < output.Length; offset += 960)
        {
            await Poll.AssertUntilAsync(() => track.IsNextPrepared, "the next pass is prepared ahead");
            Assert.Equal(960, track.Read(output.AsSpan(offset, 960)));
        }

        for (var i = 0; i < output.Length; i++)
        {
            Assert.Equal(ramp[i % 1000], output[i]);
        }

        Assert.Equal(2, track.LoopsCompleted);
        Assert.Equal(0, track.Underruns);
    }

    [Fact]
    public async Task Read_LoopTurnedOffBeforeEnd_Ends()
    {
        using var folder = new TempDirectory();
        using var track = new TrackSource(MediaTestFiles.Wav(folder.Path, "loop.wav", MediaTestFiles.Ramp(1000)), new TrackSourceOptions { Loop = true });
        await track.PrimeAsync();
        track.Loop = false;

        Assert.Equal(1000, track.Read(new float[1500]));
        Assert.True(track.IsEnded);
    }

    [Fact]
    public async Task Read_LoopingFlac_SeamsJoinPassesGaplessly()
    {
        using var folder = new TempDirectory();
        var path = await MediaTestFiles.SineAsync(folder.Path, "bed.flac", 500, 0.5, 48_000);
        var once = await FfmpegDecoder.DecodeAllAsync(path, TimeSpan.FromSeconds(5));
        using var track = new TrackSource(path, new TrackSourceOptions { Loop = true });
        await track.PrimeAsync();

        var output = new float[3 * once.Length];
        for (var offset = 0; offset < output.Length; offset += 960)
        {
            await Poll.AssertUntilAsync(() => track.BufferedSamples >= 960 || (track.CurrentPassDecoded && track.NextBufferedSamples >= 960), "decoding keeps ahead");
            Assert.Equal(960, track.Read(output.AsSpan(offset, Math.Min(960, output.Length - offset))));
        }

        for (var i = 0; i < output.Length; i++)
        {
            Assert.Equal(once[i % once.Length], output[i]);
        }

        Assert.Equal(0, track.Underruns);
    }

    [Fact]
    public async Task Read_Mp3ThroughFfmpeg_PlaysTone()
    {
        using var folder = new TempDirectory();
        var path = await MediaTestFiles.SineAsync(folder.Path, "tone.mp3", 440, 2, 44_100);
        using var track = new TrackSource(path);

        var samples = await ReadToEndWaitingAsync(track);

        Assert.InRange(samples.Length, 96_000 - 1254, 96_000 + 1254);
        Assert.Equal(0.125, GoertzelAmplitude(samples.AsSpan(24_000, 48_000), 440, 48_000), 0.01);
    }

    [Fact]
    public void Read_DecoderBehind_SilenceCountedAsUnderrun()
    {
        var decoder = new ScriptedDecoder();
        using var track = new TrackSource("scripted", () => decoder, new TrackSourceOptions());
        var block = new float[960];

        // Before the first sample (ffmpeg starting): silence, but not an underrun.
        Assert.Equal(960, track.Read(block));
        Assert.Equal(0, track.Underruns);

        decoder.Push(Enumerable.Repeat(0.25f, 960).ToArray());
        Assert.Equal(960, track.Read(block));
        Assert.All(block, s => Assert.Equal(0.25f, s));

        Assert.Equal(960, track.Read(block));
        Assert.All(block, s => Assert.Equal(0f, s));
        Assert.Equal(1, track.Underruns);
        Assert.Equal(960, track.UnderrunSamples);

        decoder.Push(Enumerable.Repeat(0.5f, 500).ToArray());
        Assert.Equal(960, track.Read(block));
        Assert.All(block[..500], s => Assert.Equal(0.5f, s));
        Assert.All(block[500..], s => Assert.Equal(0f, s));
        Assert.Equal(2, track.Underruns);
        Assert.Equal(960 + 460, track.UnderrunSamples);

        decoder.Push(0.75f, 0.75f);
        decoder.Finish();
        Assert.Equal(2, track.Read(block));
        Assert.True(track.IsEnded);
        Assert.Equal(0, track.Read(block));
        Assert.Equal(2, track.Underruns);
        Assert.Equal(1462, track.PlayedSamples);
    }

    [Fact]
    public async Task Read_DecodeFails_EndsWithError()
    {
        var decoder = new ScriptedDecoder();
        using var track = new TrackSource("scripted", () => decoder, new TrackSourceOptions { Loop = true });
        decoder.Push(1f, 1f, 1f);
        decoder.Fail("ffmpeg said no");

        await Poll.AssertUntilAsync(() => track.Error is not null, "the failure is surfaced");

        Assert.Equal("ffmpeg said no", track.Error);
        Assert.Equal(3, track.Read(new float[960]));
        Assert.True(track.IsEnded);
    }

    [Fact]
    public async Task Read_FfmpegMissing_EndsWithErrorNoThrow()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "x.mp3");
        await File.WriteAllBytesAsync(path, new byte[100]);
        using var track = new TrackSource(path, new TrackSourceOptions { FfmpegPath = Path.Combine(folder.Path, "nope") });

        await Poll.AssertUntilAsync(() => track.Error is not null, "the failure is surfaced");

        Assert.Contains("ffmpeg was not found", track.Error, StringComparison.Ordinal);
        Assert.Equal(0, track.Read(new float[960]));
        Assert.True(track.IsEnded);
    }

    [Fact]
    public async Task Gain_Changed_RampsAcrossOneBlock()
    {
        using var folder = new TempDirectory();
        using var track = new TrackSource(MediaTestFiles.Wav(folder.Path, "one.wav", Enumerable.Repeat(1f, 4800).ToArray()));
        await track.PrimeAsync();
        var block = new float[960];
        track.Read(block);

        track.Gain = 0.5f;
        track.Read(block);

        for (var k = 0; k < 960; k++)
        {
            Assert.Equal(k == 959 ? 0.5f : 1f + (-0.5f * (k + 1) / 960), block[k]);
        }

        track.Read(block);
        Assert.All(block, s => Assert.Equal(0.5f, s));
    }

    [Fact]
    public async Task Dispose_DisposesDecoders()
    {
        var decoder = new ScriptedDecoder();
        var track = new TrackSource("scripted", () => decoder, new TrackSourceOptions());

        track.Dispose();
        await track.Supervision;

        Assert.True(decoder.Disposed);
    }

    [Fact]
    public async Task Read_AfterWarmUp_AllocatesNothing()
    {
        using var folder = new TempDirectory();
        var path = MediaTestFiles.Wav(folder.Path, "bed.wav", Sine(48_000, 440, 48_000));
        using var looping = new TrackSource(path, new TrackSourceOptions { Loop = true });
        var streamed = await MediaTestFiles.SineAsync(folder.Path, "bed.flac", 440, 30, 48_000);
        using var ffmpeg = new TrackSource(streamed);
        await looping.PrimeAsync();
        await ffmpeg.PrimeAsync(FfmpegDecoderRing);

        Assert.Equal(0, Nodes.NodeTestHelpers.AllocatedOver1000Reads(looping));
        Assert.True(ffmpeg.BufferedSamples > 0);
        var block = new float[960];
        ffmpeg.Read(block);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 90; i++)
        {
            ffmpeg.Read(block);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static float[] ReadToEnd(IAudioSource source)
    {
        var samples = new List<float>();
        var block = new float[960];
        int read;
        while ((read = source.Read(block)) > 0)
        {
            samples.AddRange(block.AsSpan(0, read));
            if (read < block.Length)
            {
                break;
            }
        }

        return [.. samples];
    }

    private static async Task<float[]> ReadToEndWaitingAsync(TrackSource track)
    {
        var samples = new List<float>();
        var block = new float[960];
        while (true)
        {
            await Poll.AssertUntilAsync(() => track.BufferedSamples >= 960 || track.CurrentPassDecoded, "decoding keeps ahead");
            var read = track.Read(block);
            samples.AddRange(block.AsSpan(0, read));
            if (read < block.Length)
            {
                return [.. samples];
            }
        }
    }
}
