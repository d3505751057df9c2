using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Nodes;
using static RadioStudio.Tests.Engine.Audio.Nodes.NodeTestHelpers;

namespace RadioStudio.Tests.Engine.Audio.Nodes;

public sealed class MixerSourceTests
{
    [Fact]
    public void Read_NoInputs_Silence()
    {
        var mixer = new MixerSource(AudioFormat.Studio);
        var buffer = Enumerable.Repeat(9f, 960).ToArray();

        Assert.Equal(960, mixer.Read(buffer));

        Assert.All(buffer, s => Assert.Equal(0f, s));
    }

    [Fact]
    public void Read_RampPlusConstant_ExactSum()
    {
        var mixer = new MixerSource(AudioFormat.Studio);
        mixer.Add(new RampSource(0f, 1f));
        mixer.Add(new ConstantSource(0.5f));
        mixer.Add(new ImpulseSource(3, 10f));

        var output = ReadAll(mixer, 1920);

        Assert.Equal([0.5f, 1.5f, 2.5f, 13.5f, 4.5f], output[..5]);
        Assert.Equal(1919.5f, output[1919]);
    }

    [Fact]
    public void Read_BlockLargerThanMaxBlock_ReadsInChunks()
    {
        var mixer = new MixerSource(AudioFormat.Studio, maxBlockSamples: 100);
        mixer.Add(new RampSource());
        mixer.Add(new RampSource(1000f, 1f));

        var output = ReadAll(mixer, 250, block: 250);

        for (var i = 0; i < 250; i++)
        {
            Assert.Equal(1000f + (2f * i), output[i]);
        }
    }

    [Fact]
    public void Read_FiniteInputEnds_ContributesSilenceAfterwards()
    {
        var mixer = new MixerSource(AudioFormat.Studio);
        mixer.Add(new BufferSource([1f, 2f, 3f]));
        mixer.Add(new ConstantSource(0.25f));

        var first = ReadAll(mixer, 5, block: 5);
        var second = ReadAll(mixer, 4, block: 4);

        Assert.Equal([1.25f, 2.25f, 3.25f, 0.25f, 0.25f], first);
        Assert.Equal([0.25f, 0.25f, 0.25f, 0.25f], second);
    }

    [Fact]
    public void Remove_Input_GoneFromNextRead()
    {
        var mixer = new MixerSource(AudioFormat.Studio);
        var constant = new ConstantSource(2f);
        mixer.Add(constant);
        mixer.Add(new ConstantSource(1f));
        Assert.Equal(3f, ReadAll(mixer, 4, block: 4)[3]);

        mixer.Remove(constant);

        Assert.Equal([1f, 1f, 1f, 1f], ReadAll(mixer, 4, block: 4));
        Assert.Single(mixer.Inputs);
    }

    [Fact]
    public void Add_OtherFormat_Throws()
    {
        var mixer = new MixerSource(AudioFormat.Studio);

        Assert.Throws<ArgumentException>(() => mixer.Add(new ConstantSource(1f, new AudioFormat(8000, 1))));
        Assert.Empty(mixer.Inputs);
    }

    [Fact]
    public async Task Add_FromOtherThreadsWhileReading_EveryInputHeard()
    {
        var mixer = new MixerSource(AudioFormat.Studio);
        var buffer = new float[960];
        var adders = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 25; i++)
            {
                mixer.Add(new ConstantSource(1f));
            }
        })).ToArray();
        while (!adders.All(t => t.IsCompleted))
        {
            mixer.Read(buffer);
        }

        await Task.WhenAll(adders);
        mixer.Read(buffer);

        Assert.All(buffer, s => Assert.Equal(100f, s));
    }

    [Fact]
    public void Read_ThreeInputs_DoesNotAllocate()
    {
        var mixer = new MixerSource(AudioFormat.Studio);
        mixer.Add(new RampSource());
        mixer.Add(new ConstantSource(0.1f));
        mixer.Add(new ImpulseSource(5000));

        Assert.InRange(AllocatedOver1000Reads(mixer), 0, 16 * 1024);
    }
}
