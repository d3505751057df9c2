using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Media;
using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Tests.Engine.Audio.Nodes;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Audio.Media;

public sealed class AdBreakTests
{
    [Fact]
    public async Task Read_TwoAds_BackToBackThenFinished()
    {
        using var adBreak = new AdBreak([new BufferSource([1f, 1f, 1f]), new BufferSource([2f, 2f])]);
        var ended = 0;
        adBreak.Ended += (_, _) => Interlocked.Increment(ref ended);
        var buffer = new float[10];

        Assert.Equal(5, adBreak.Read(buffer));

        Assert.Equal([1f, 1f, 1f, 2f, 2f], buffer[..5]);
        Assert.True(adBreak.Finished);
        Assert.Equal(2, adBreak.CurrentIndex);
        await adBreak.Completion;
        await Poll.AssertUntilAsync(() => Volatile.Read(ref ended) == 1, "Ended is raised once");
        Assert.Equal(0, adBreak.Read(buffer));
    }

    [Fact]
    public void Read_LeadIn_SilenceThenAdsStartExactlyAfterIt()
    {
        using var adBreak = new AdBreak([new BufferSource(Enumerable.Repeat(0.5f, 960).ToArray())], leadIn: TimeSpan.FromMilliseconds(10));

        var first = new float[960];
        Assert.Equal(960, adBreak.Read(first));
        var second = new float[960];
        Assert.Equal(480, adBreak.Read(second));

        Assert.All(first[..480], s => Assert.Equal(0f, s));
        Assert.All(first[480..], s => Assert.Equal(0.5f, s));
        Assert.All(second[..480], s => Assert.Equal(0.5f, s));
        Assert.True(adBreak.Finished);
    }

    [Fact]
    public async Task FromFiles_WavAds_PlayedOnceEachInOrder()
    {
        using var folder = new TempDirectory();
        var a = MediaTestFiles.Wav(folder.Path, "a.wav", Enumerable.Repeat(0.25f, 1500).ToArray());
        var b = MediaTestFiles.Wav(folder.Path, "b.wav", Enumerable.Repeat(0.75f, 700).ToArray());
        using var adBreak = AdBreak.FromFiles([a, b]);
        await adBreak.PrimeAsync();

        var output = new float[960 * 3];
        var read = 0;
        for (var offset = 0; offset < output.Length && !adBreak.Finished; offset += 960)
        {
            read += adBreak.Read(output.AsSpan(offset, 960));
        }

        await adBreak.Completion;
        Assert.Equal(2200, read);
        Assert.Equal(Enumerable.Repeat(0.25f, 1500).Concat(Enumerable.Repeat(0.75f, 700)), output[..2200]);
    }

    [Fact]
    public void MusicFadesThenAdBreak_SequenceOnOneClock()
    {
        var music = new Crossfader(AudioFormat.Studio, new ConstantSource(1f));
        var ads = new MixerSource(AudioFormat.Studio);

        music.FadeOut(TimeSpan.FromSeconds(1));
        using var adBreak = new AdBreak([new BufferSource(Enumerable.Repeat(0.5f, 4800).ToArray())], leadIn: TimeSpan.FromSeconds(1));
        ads.Add(adBreak);
        var musicOut = NodeTestHelpers.ReadAll(music, 48_000 + 4800);
        var adsOut = NodeTestHelpers.ReadAll(ads, 48_000 + 4800);

        Assert.True(musicOut[47_999] > 0f);
        Assert.All(musicOut[48_000..], s => Assert.Equal(0f, s));
        Assert.All(adsOut[..48_000], s => Assert.Equal(0f, s));
        Assert.All(adsOut[48_000..], s => Assert.Equal(0.5f, s));
    }

    [Fact]
    public async Task NoAds_FinishedAtOnce()
    {
        using var adBreak = new AdBreak([]);

        Assert.True(adBreak.Finished);
        await adBreak.Completion;
        Assert.Equal(0, adBreak.Read(new float[960]));
    }

    [Fact]
    public void Read_WithinBreak_AllocatesNothing()
    {
        using var adBreak = new AdBreak([new ConstantSource(0.1f)]);

        Assert.Equal(0, NodeTestHelpers.AllocatedOver1000Reads(adBreak));
    }
}
