using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Audio.Routing;

namespace RadioStudio.Tests.Engine.Audio.Graph;

public sealed class AudioGraphTests
{
    private static readonly BusId Program = new(BusKind.Program);
    private static readonly BusId Host = new(BusKind.HostMic);
    private static readonly BusId Music = new(BusKind.Music);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void MixMinus_EachCallerHearsEveryoneButThemselves(int callers)
    {
        // Powers of two make every sum exact in float, so the check can be exact too.
        var lines = Enumerable.Range(0, callers).Select(i => new FakeLine(i, MathF.Pow(2, -(i + 2)))).ToArray();
        var graph = new AudioGraph(new FakePhoneLines { AudioLines = [.. lines] });
        graph.HostMic.Play(new ConstantSource(0.25f));

        graph.OnBlock(0);

        // Below the program limiter's ceiling (−1 dBTP), so the mix passes bit for bit.
        var everyone = 0.25f + lines.Sum(l => MathF.Pow(2, -(l.Slot + 2)));
        foreach (var line in lines)
        {
            var own = MathF.Pow(2, -(line.Slot + 2));
            var heard = Assert.Single(line.Heard);
            Assert.Equal(AudioFormat.Studio.BlockSamples, heard.Length);
            Assert.All(heard, s => Assert.Equal(everyone - own, s));
            Assert.Equal(0, line.HoldFrames);
        }
    }

    [Fact]
    public void Program_OverTheCeiling_IsLimited_AndCallersStillNeverHearThemselves()
    {
        var ann = new FakeLine(0, 0.5f);
        var bob = new FakeLine(1, 0.25f);
        var graph = new AudioGraph(new FakePhoneLines { AudioLines = [ann, bob] });
        var capture = new CaptureOutput();
        graph.AddOutput(capture);
        graph.HostMic.Play(new ConstantSource(0.5f));
        graph.Effects.Play(new ConstantSource(0.75f)); // a ring over a caller: the sum is 2.0

        for (var i = 0; i < 10; i++)
        {
            graph.OnBlock(i);
        }

        var ceiling = MathF.Pow(10, -1f / 20);
        var program = capture.Last(Program, 1);
        Assert.All(program, s => Assert.InRange(s, 0f, ceiling));
        Assert.InRange(program[^1], ceiling * 0.99f, ceiling);

        // Each caller hears the limited program minus their own line scaled by the same gain: no trace of themselves.
        var gain = program[^1] / 2f;
        Assert.Equal((2f - 0.5f) * gain, ann.Heard[^1][^1], 5);
        Assert.Equal((2f - 0.25f) * gain, bob.Heard[^1][^1], 5);
    }

    [Fact]
    public void Program_IsTheSumOfEveryBus_AndEachCallerLandsOnTheirSlot()
    {
        var ann = new FakeLine(0, 0.125f);
        var bob = new FakeLine(2, 0.0625f);
        var graph = new AudioGraph(new FakePhoneLines { AudioLines = [ann, bob] });
        var capture = new CaptureOutput();
        graph.AddOutput(capture);
        graph.HostMic.Play(new ConstantSource(0.25f));
        graph.AiVoice.Play(new ConstantSource(0.03125f));
        graph.Effects.Play(new ConstantSource(0.015625f));
        graph.Ads.Play(new ConstantSource(0.0078125f));

        graph.OnBlock(7);

        Assert.Equal([7L], capture.Indexes());
        Assert.All(capture.Last(new BusId(BusKind.Phone, 0), 1), s => Assert.Equal(0.125f, s));
        Assert.All(capture.Last(new BusId(BusKind.Phone, 1), 1), s => Assert.Equal(0f, s));
        Assert.All(capture.Last(new BusId(BusKind.Phone, 2), 1), s => Assert.Equal(0.0625f, s));
        Assert.True(capture.WasActive(new BusId(BusKind.Phone, 0)));
        Assert.False(capture.WasActive(new BusId(BusKind.Phone, 1)));
        Assert.All(capture.Last(Program, 1), s => Assert.Equal(0.25f + 0.125f + 0.0625f + 0.03125f + 0.015625f + 0.0078125f, s));
    }

    [Fact]
    public void HoldingCallers_GetTheHoldFeed_AreNotInTheProgram_AndTheirAudioIsDrained()
    {
        var waiting = new FakeLine(-1, 0.5f);
        var connecting = new FakeLine(-1, 0.5f) { Connected = false };
        var graph = new AudioGraph(new FakePhoneLines { AudioLines = [waiting, connecting] });
        var capture = new CaptureOutput();
        graph.AddOutput(capture);

        graph.OnBlock(0);
        graph.OnBlock(1);

        Assert.Equal(2, waiting.HoldFrames);
        Assert.Empty(waiting.Heard);
        Assert.Equal(0, connecting.HoldFrames);
        Assert.All(capture.Last(Program, 2), s => Assert.Equal(0f, s));
    }

    [Fact]
    public void CallerTakenToAir_MovesFromHoldToMixMinusAtTheNextBlock()
    {
        var ann = new FakeLine(-1, 0.25f);
        var graph = new AudioGraph(new FakePhoneLines { AudioLines = [ann] });
        graph.HostMic.Play(new ConstantSource(0.5f));

        graph.OnBlock(0);
        ann.Slot = 0;
        graph.OnBlock(1);

        Assert.Equal(1, ann.HoldFrames);
        Assert.All(Assert.Single(ann.Heard), s => Assert.Equal(0.5f, s));
    }

    [Fact]
    public void MoreCallersThanPhoneChannels_FoldOntoTheLastChannel_AndStillNeverHearThemselves()
    {
        var lines = new[] { new FakeLine(0, 0.25f), new FakeLine(1, 0.125f), new FakeLine(2, 0.0625f) };
        var graph = new AudioGraph(new FakePhoneLines { AudioLines = [.. lines] }, phoneSlots: 2);
        var capture = new CaptureOutput();
        graph.AddOutput(capture);

        graph.OnBlock(0);

        Assert.All(capture.Last(new BusId(BusKind.Phone, 1), 1), s => Assert.Equal(0.125f + 0.0625f, s));
        Assert.All(lines[2].Heard[0], s => Assert.Equal(0.25f + 0.125f, s));
        Assert.All(lines[1].Heard[0], s => Assert.Equal(0.25f + 0.0625f, s));
    }

    [Fact]
    public void MusicToCallersOff_CallersHearTheShowWithoutTheBed_TheProgramKeepsIt()
    {
        var ann = new FakeLine(0, 0.25f);
        var graph = new AudioGraph(new FakePhoneLines { AudioLines = [ann] }) { MusicToCallers = false };
        graph.MusicDucker.Enabled = false;
        graph.Music.CrossfadeTo(new ConstantSource(0.125f), TimeSpan.Zero);
        graph.HostMic.Play(new ConstantSource(0.25f));
        var capture = new CaptureOutput();
        graph.AddOutput(capture);

        graph.OnBlock(0);
        graph.OnBlock(1);

        Assert.All(ann.Heard[^1], s => Assert.Equal(0.25f, s, 6));
        Assert.All(capture.Last(Program, 1), s => Assert.Equal(0.25f + 0.25f + 0.125f, s, 6));
    }

    [Fact]
    public void Speech_DucksTheMusic_AndItComesBackAfterTheHang()
    {
        var graph = new AudioGraph(new FakePhoneLines());
        graph.Music.CrossfadeTo(new ConstantSource(0.5f), TimeSpan.Zero);
        var capture = new CaptureOutput();
        graph.AddOutput(capture);
        for (var b = 0; b < 10; b++)
        {
            graph.OnBlock(b);
        }

        Assert.Equal(0.5f, capture.Last(Music, 1)[^1], 4);

        // Host talks for a second: after the ducker's 0.5 s fade the bed sits 12 dB down.
        graph.HostMic.Play(new ConstantSource(0.1f));
        for (var b = 10; b < 60; b++)
        {
            graph.OnBlock(b);
        }

        Assert.Equal(0.5f * MathF.Pow(10, -12f / 20), capture.Last(Music, 1)[^1], 3);

        // Host stops: the hang holds the duck, then the release brings the bed back up.
        graph.HostMic.Stop();
        graph.OnBlock(60);
        Assert.True(capture.Last(Music, 1)[^1] < 0.2f, "still ducked during the hang");
        for (var b = 61; b < 120; b++)
        {
            graph.OnBlock(b);
        }

        Assert.Equal(0.5f, capture.Last(Music, 1)[^1], 3);
    }

    [Fact]
    public void Meters_ReadEveryBus()
    {
        var graph = new AudioGraph(new FakePhoneLines { AudioLines = [new FakeLine(0, 0.5f)] });
        graph.HostMic.Play(new ConstantSource(0.25f));

        graph.OnBlock(0);

        Assert.Equal(-12.04f, graph.MeterOf(Host).Reading.RmsDb, 1);
        Assert.Equal(-6.02f, graph.MeterOf(new BusId(BusKind.Phone, 0)).Reading.PeakDb, 1);
        Assert.Equal(-2.5f, graph.MeterOf(Program).Reading.PeakDb, 1);
        Assert.Equal(-120f, graph.MeterOf(Music).Reading.PeakDb);
    }

    [Fact]
    public void AThrowingOutput_IsCounted_AndTheOthersStillGetTheBlock()
    {
        var graph = new AudioGraph(new FakePhoneLines());
        var capture = new CaptureOutput();
        graph.AddOutput(new ThrowingOutput());
        graph.AddOutput(capture);

        graph.OnBlock(0);

        Assert.Equal(1, capture.Count);
        Assert.Equal(1, graph.Stats.OutputFaults);
    }

    [Fact]
    public void OnBlock_AllocatesNothing_WithCallersOnAirAndOnHold()
    {
        var lines = Enumerable.Range(0, 8).Select(i => new AllocationFreeLine(i < 5 ? i : -1)).ToArray();
        var graph = new AudioGraph(new FakePhoneLines { AudioLines = [.. lines] });
        graph.HostMic.Play(new ConstantSource(0.1f));
        graph.Music.CrossfadeTo(new ConstantSource(0.2f), TimeSpan.Zero);
        for (var b = 0; b < 50; b++)
        {
            graph.OnBlock(b);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var b = 50; b < 550; b++)
        {
            graph.OnBlock(b);
        }

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024, "the audio path allocates nothing per block");
    }

    private sealed class ConstantSource(float value) : IAudioSource
    {
        public AudioFormat Format => AudioFormat.Studio;

        public int Read(Span<float> buffer)
        {
            buffer.Fill(value);
            return buffer.Length;
        }
    }

    private sealed class ThrowingOutput : IMixOutput
    {
        public string Name => "broken";

        public void Write(MixBlock block) => throw new InvalidOperationException("device gone");
    }

    private sealed class AllocationFreeLine(int slot) : IPhoneLineAudio
    {
        public int Slot => slot;

        public bool Connected => true;

        public float LastHeard { get; private set; }

        public void ReadInbound(Span<float> block) => block.Fill(0.01f);

        public void SendReturn(ReadOnlySpan<float> block) => LastHeard = block[0];

        public void SendHold()
        {
        }
    }
}
