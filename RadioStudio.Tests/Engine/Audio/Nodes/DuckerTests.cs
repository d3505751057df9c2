using RadioStudio.Engine.Audio.Nodes;
using static RadioStudio.Tests.Engine.Audio.Nodes.NodeTestHelpers;

namespace RadioStudio.Tests.Engine.Audio.Nodes;

public sealed class DuckerTests
{
    private static readonly float MinusTwelveDb = (float)Math.Pow(10, -12.0 / 20);

    [Fact]
    public void Read_NoSpeech_UnityExactly()
    {
        var ducker = new Ducker(new RampSource());

        Assert.Equal(ReadAll(new RampSource(), 4800), ReadAll(ducker, 4800));
    }

    [Fact]
    public void Read_DisabledWithSpeech_UnityExactly()
    {
        var ducker = new Ducker(new RampSource()) { Enabled = false, SpeechActive = true };

        Assert.Equal(ReadAll(new RampSource(), 48_000), ReadAll(ducker, 48_000));
    }

    [Fact]
    public void Read_SpeechActive_ReachesDepthExactlyAfterAttack()
    {
        var ducker = new Ducker(new ConstantSource(1f)) { SpeechActive = true };

        var output = ReadAll(ducker, 48_000);

        Assert.Equal(1f, output[0]);
        Assert.True(output[23_999] > MinusTwelveDb);
        Assert.All(output[24_000..], s => Assert.Equal(MinusTwelveDb, s));
    }

    [Fact]
    public void Read_Attack_LinearInDb()
    {
        var ducker = new Ducker(new ConstantSource(1f)) { SpeechActive = true };

        var output = ReadAll(ducker, 24_000);

        for (var k = 0; k < output.Length; k += 1200)
        {
            Assert.Equal(-12.0 * k / 24_000, 20 * Math.Log10(output[k]), 1e-4);
        }
    }

    [Fact]
    public void Read_SpeechEnds_BackToUnityAfterRelease()
    {
        var ducker = new Ducker(new ConstantSource(1f)) { SpeechActive = true };
        ReadAll(ducker, 24_960);

        ducker.SpeechActive = false;
        var output = ReadAll(ducker, 48_000);

        Assert.Equal(MinusTwelveDb, output[0]);
        Assert.Equal(-6.0, 20 * Math.Log10(output[12_000]), 1e-4);
        Assert.True(output[23_999] < 1f);
        Assert.All(output[24_000..], s => Assert.Equal(1f, s));
    }

    [Fact]
    public void Read_CustomDepthAndTimes_ReachesThemExactly()
    {
        var ducker = new Ducker(new ConstantSource(1f), depthDb: -20f, attack: TimeSpan.FromMilliseconds(100), release: TimeSpan.FromMilliseconds(250))
        {
            SpeechActive = true,
        };

        var attack = ReadAll(ducker, 9600);
        ducker.SpeechActive = false;
        var release = ReadAll(ducker, 12_960);

        Assert.True(attack[4799] > 0.1f);
        Assert.All(attack[4800..], s => Assert.Equal((float)Math.Pow(10, -20.0 / 20), s));
        Assert.True(release[11_999] < 1f);
        Assert.All(release[12_000..], s => Assert.Equal(1f, s));
        Assert.Equal(TimeSpan.FromMilliseconds(250), ducker.Release);
    }

    [Fact]
    public void Enabled_TurnedOffWhileDucked_ReleasesInsteadOfJumping()
    {
        var ducker = new Ducker(new ConstantSource(1f)) { SpeechActive = true };
        ReadAll(ducker, 24_960);

        ducker.Enabled = false;
        var output = ReadAll(ducker, 24_960);

        Assert.Equal(MinusTwelveDb, output[0]);
        Assert.All(output[24_000..], s => Assert.Equal(1f, s));
    }

    [Fact]
    public void DepthDb_Positive_Throws()
    {
        var ducker = new Ducker(new ConstantSource(1f));

        Assert.Throws<ArgumentOutOfRangeException>(() => ducker.DepthDb = 3f);
    }

    [Fact]
    public void Read_TogglingSpeech_DoesNotAllocate()
    {
        var ducker = new Ducker(new RampSource(0f, 1e-5f));
        var buffer = new float[960];
        ducker.Read(buffer);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            ducker.SpeechActive = i % 50 < 25;
            ducker.Read(buffer);
        }

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 16 * 1024);
    }
}
