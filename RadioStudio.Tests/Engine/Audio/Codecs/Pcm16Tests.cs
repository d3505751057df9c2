using RadioStudio.Engine.Audio.Codecs;

namespace RadioStudio.Tests.Engine.Audio.Codecs;

public sealed class Pcm16Tests
{
    [Fact]
    public void ToFloat_FullScaleAndZero_ExactValues()
    {
        short[] pcm = [short.MinValue, -16384, -1, 0, 1, 16384, short.MaxValue];
        var floats = new float[pcm.Length];

        Pcm16.ToFloat(pcm, floats);

        Assert.Equal([-1f, -0.5f, -1f / 32768, 0f, 1f / 32768, 0.5f, 32767f / 32768], floats);
    }

    [Fact]
    public void FromFloat_OutOfRange_ClampsToInt16Limits()
    {
        float[] floats = [-2f, -1f, 1f, 1.5f, float.PositiveInfinity, float.NegativeInfinity, float.NaN];
        var pcm = new short[floats.Length];

        Pcm16.FromFloat(floats, pcm);

        Assert.Equal([short.MinValue, short.MinValue, short.MaxValue, short.MaxValue, short.MaxValue, short.MinValue, (short)0], pcm);
    }

    [Fact]
    public void FromFloat_BetweenSteps_RoundsToNearestTiesToEven()
    {
        const float Lsb = 1f / 32768;
        float[] floats = [0.4f * Lsb, 0.6f * Lsb, 0.5f * Lsb, 1.5f * Lsb, -0.6f * Lsb, -1.5f * Lsb, 100.49f * Lsb];
        var pcm = new short[floats.Length];

        Pcm16.FromFloat(floats, pcm);

        Assert.Equal([(short)0, (short)1, (short)0, (short)2, (short)-1, (short)-2, (short)100], pcm);
    }

    [Fact]
    public void FromFloat_EveryInt16AsFloat_RoundTripsExactly()
    {
        var floats = new float[65536];
        var original = new short[65536];
        for (var i = 0; i < original.Length; i++)
        {
            original[i] = (short)(i - 32768);
        }

        Pcm16.ToFloat(original, floats);
        var back = new short[65536];
        Pcm16.FromFloat(floats, back);

        Assert.Equal(original, back);
    }

    [Fact]
    public void ToFloat_LittleEndianBytes_ExactValues()
    {
        byte[] le = [0x00, 0x80, 0xFF, 0xFF, 0x01, 0x00, 0xFF, 0x7F, 0x00, 0x40];
        var floats = new float[5];

        Pcm16.ToFloat(le, floats);

        Assert.Equal([-1f, -1f / 32768, 1f / 32768, 32767f / 32768, 0.5f], floats);
    }

    [Fact]
    public void FromFloat_LittleEndianBytes_ClampsRoundsAndOrdersBytes()
    {
        var le = new byte[8];

        Pcm16.FromFloat([-1.25f, 0.5f, 1f, 2.6f / 32768], le);

        Assert.Equal([0x00, 0x80, 0x00, 0x40, 0xFF, 0x7F, 0x03, 0x00], le);
    }

    [Fact]
    public void ToFloat_OddByteCountOrShortDestination_Throws()
    {
        Assert.Throws<ArgumentException>(() => Pcm16.ToFloat(new byte[3], new float[4]));
        Assert.Throws<ArgumentException>(() => Pcm16.ToFloat(new byte[4], new float[1]));
        Assert.Throws<ArgumentException>(() => Pcm16.FromFloat(new float[2], new byte[3]));
        Assert.Throws<ArgumentException>(() => Pcm16.FromFloat(new float[2], new short[1]));
        Assert.Throws<ArgumentException>(() => Pcm16.ToFloat(new short[2], new float[1]));
    }
}
