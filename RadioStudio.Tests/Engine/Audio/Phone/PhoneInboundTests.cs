using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Phone;
using RadioStudio.Engine.Telephony;
using Xunit.Abstractions;
using static RadioStudio.Tests.Engine.Audio.DspTestHelpers;

namespace RadioStudio.Tests.Engine.Audio.Phone;

public sealed class PhoneInboundTests(ITestOutputHelper log)
{
    private const int Frames = 60;
    private const int Block = 960;

    [Fact]
    public void Read_MuLawOneKilohertzTone_At48kRightFrequencyLevelAndLatency()
    {
        var inbound = new PhoneInbound(StreamCodec.Pcmu);
        var tone = Sine(Frames * 160, 1000, 8000, amplitude: 0.5);
        var output = Drive(inbound, tone);

        // Read-then-push per tick: frame 0 plays at read 2 (the 40 ms target), then the filter's group delay.
        var delay = (2 * Block) + inbound.ResamplerDelaySamples;
        Assert.Equal(2112, delay);
        Assert.All(output[..(2 * Block)], v => Assert.Equal(0f, v));
        Assert.True(Rms(output.AsSpan(2 * Block, Block)) > 0.1);

        // Whole cycles after the start-up transient; phase-aligned against the ideal tone at the expected delay.
        var steady = output.AsSpan(delay + Block, 48 * 900);
        var level = Db(GoertzelAmplitude(steady, 1000, 48000) / 0.5);
        var ideal = Sine(steady.Length, 1000, 48000, 0.5, phase: 2 * Math.PI * 1000 * Block / 48000.0);
        var error = Db(Rms(steady.ToArray().Zip(ideal, (a, b) => a - b).ToArray()) / Rms(ideal));
        log.WriteLine($"level {level:F3} dB, error against the ideal tone delayed {delay} samples {error:F1} dB");
        Assert.InRange(level, -0.5, 0.5);
        Assert.True(error < -30, $"error {error:F1} dB");
        Assert.Equal(default, inbound.Jitter.Stats);
    }

    [Theory]
    [InlineData("PCMU@8000h")]
    [InlineData("L16@16000h")]
    [InlineData("L16@24000h")]
    public void Read_EveryCodec_OneBlockPerFrameAndNoAllocation(string name)
    {
        var codec = StreamCodec.Find(name)!;
        var inbound = new PhoneInbound(codec);
        var payload = new byte[codec.FrameBytes];
        codec.Encode(Sine(codec.FrameSamples, 1000, codec.SampleRate), payload);
        var block = new float[Block];
        inbound.PushFrame(0, payload);
        inbound.Read(block);

        var written = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 1; k < 50; k++)
        {
            inbound.PushFrame(k, payload);
            written += inbound.Read(block);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(49 * Block, written);
        Assert.True(Rms(block) > 0.1);
    }

    [Fact]
    public void PushFrame_WrongPayloadLength_Throws()
    {
        var inbound = new PhoneInbound(StreamCodec.Pcmu);

        Assert.Throws<ArgumentOutOfRangeException>(() => inbound.PushFrame(0, new byte[159]));
    }

    /// <summary>Each tick reads one 48 kHz block, then pushes the next μ-law frame of <paramref name="signal8k"/>.</summary>
    internal static float[] Drive(PhoneInbound inbound, float[] signal8k)
    {
        var frames = signal8k.Length / 160;
        var output = new float[frames * Block];
        var payload = new byte[160];
        for (var k = 0; k < frames; k++)
        {
            inbound.Read(output.AsSpan(k * Block, Block));
            MuLaw.Encode(signal8k.AsSpan(k * 160, 160), payload);
            inbound.PushFrame(k, payload);
        }

        return output;
    }
}
