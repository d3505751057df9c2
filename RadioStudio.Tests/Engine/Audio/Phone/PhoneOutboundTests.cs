using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Phone;
using RadioStudio.Engine.Telephony;
using Xunit.Abstractions;
using static RadioStudio.Tests.Engine.Audio.DspTestHelpers;

namespace RadioStudio.Tests.Engine.Audio.Phone;

public sealed class PhoneOutboundTests(ITestOutputHelper output)
{
    private const int Blocks = 60;

    [Fact]
    public void Encode_OneKilohertzTone_SurvivesWithinHalfDecibel()
    {
        var decoded = EncodeAndDecode(Sine(Blocks * 960, 1000, 48000, amplitude: 0.5));

        // Skip the filter's 4 ms start-up; 40 frames are 800 whole cycles at 8 kHz.
        var level = Db(GoertzelAmplitude(decoded.AsSpan(5 * 160, 40 * 160), 1000, 8000) / 0.5);
        output.WriteLine($"1 kHz level {level:F3} dB");
        Assert.InRange(level, -0.5, 0.5);
    }

    [Fact]
    public void Encode_SixKilohertzTone_AtLeastSixtyDecibelsDown()
    {
        var decoded = EncodeAndDecode(Sine(Blocks * 960, 6000, 48000, amplitude: 0.5));

        // 6 kHz would fold to 2 kHz at 8 kHz; the anti-alias low-pass must remove it before decimating.
        var rms = Rms(decoded.AsSpan(5 * 160, 40 * 160));
        var down = Db((rms + 1e-12) / (0.5 / Math.Sqrt(2)));
        output.WriteLine($"6 kHz residue {down:F1} dB (rms {rms:E2})");
        Assert.True(down <= -60, $"{down:F1} dB");
    }

    [Fact]
    public void Encode_ThenInbound_RoundTripKeepsFrequency()
    {
        var outbound = new PhoneOutbound(StreamCodec.Pcmu);
        var inbound = new PhoneInbound(StreamCodec.Pcmu);
        var source = Sine(Blocks * 960, 1000, 48000, amplitude: 0.5);
        var result = new float[Blocks * 960];
        var payload = new byte[160];
        for (var k = 0; k < Blocks; k++)
        {
            inbound.Read(result.AsSpan(k * 960, 960));
            Assert.Equal(160, outbound.Encode(source.AsSpan(k * 960, 960), payload));
            inbound.PushFrame(k, payload);
        }

        var steady = result.AsSpan(result.Length - 8192);
        var spurious = SpuriousDb(steady, 1000, 48000);
        var level = Db(GoertzelAmplitude(steady[..(48 * 150)], 1000, 48000) / 0.5);
        output.WriteLine($"round trip: level {level:F3} dB, spurious {spurious:F1} dB");
        Assert.InRange(level, -0.5, 0.5);
        Assert.True(spurious < -30, $"{spurious:F1} dB");
    }

    [Fact]
    public void Encode_SteadyState_AllocatesNothing()
    {
        var outbound = new PhoneOutbound(StreamCodec.Pcmu);
        var block = Sine(960, 1000, 48000);
        var payload = new byte[160];
        outbound.Encode(block, payload);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < 50; k++)
        {
            outbound.Encode(block, payload);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static float[] EncodeAndDecode(float[] signal48k)
    {
        var outbound = new PhoneOutbound(StreamCodec.Pcmu);
        var payload = new byte[160];
        var decoded = new float[signal48k.Length / 6];
        for (var k = 0; k < signal48k.Length / 960; k++)
        {
            outbound.Encode(signal48k.AsSpan(k * 960, 960), payload);
            MuLaw.Decode(payload, decoded.AsSpan(k * 160, 160));
        }

        return decoded;
    }
}
