using System.Security.Cryptography;
using RadioStudio.Engine.Audio.Codecs;

namespace RadioStudio.Tests.Engine.Audio.Codecs;

public sealed class MuLawTests
{
    [Theory]
    [InlineData(0x00, -32124)]
    [InlineData(0x7E, -8)]
    [InlineData(0x7F, 0)]
    [InlineData(0x80, 32124)]
    [InlineData(0xFE, 8)]
    [InlineData(0xFF, 0)]
    public void Decode_SpecVector_MatchesReference(int code, int expected) =>
        Assert.Equal((short)expected, MuLaw.Decode((byte)code));

    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(1, 0xFF)]
    [InlineData(-1, 0x7E)]
    [InlineData(31, 0xFB)]
    [InlineData(-31, 0x7B)]
    [InlineData(100, 0xF2)]
    [InlineData(-100, 0x72)]
    [InlineData(1000, 0xCE)]
    [InlineData(-1000, 0x4E)]
    [InlineData(4000, 0xAF)]
    [InlineData(8000, 0xA0)]
    [InlineData(16000, 0x90)]
    [InlineData(32000, 0x80)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    public void Encode_SpecVector_MatchesReference(int pcm, int expected) =>
        Assert.Equal((byte)expected, MuLaw.Encode((short)pcm));

    [Fact]
    public void DecodeTable_AsInt16LittleEndian_HasSpecSha256()
    {
        var bytes = new byte[512];
        for (var i = 0; i < 256; i++)
        {
            bytes[2 * i] = (byte)MuLaw.DecodeTable[i];
            bytes[(2 * i) + 1] = (byte)(MuLaw.DecodeTable[i] >> 8);
        }

        Assert.Equal(256, MuLaw.DecodeTable.Length);
        Assert.Equal("3dab54339e520bb2c924826e3b72a917a2b612e9fd12fc867500f1d983a75827", Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public void Encode_AllInt16Inputs_EqualsReferenceImplementation()
    {
        for (int pcm = short.MinValue; pcm <= short.MaxValue; pcm++)
        {
            var expected = ReferenceEncode((short)pcm);
            var actual = MuLaw.Encode((short)pcm);
            if (expected != actual)
            {
                Assert.Fail($"pcm {pcm}: expected 0x{expected:X2}, got 0x{actual:X2}");
            }
        }
    }

    [Fact]
    public void DecodeEncode_AllInt16Inputs_ErrorWithinHalfStepOfSegment()
    {
        for (int pcm = short.MinValue; pcm <= short.MaxValue; pcm++)
        {
            var code = MuLaw.Encode((short)pcm);
            var decoded = MuLaw.Decode(code);

            // Segment s quantises in steps of 2^(s+3) and decodes to the step's middle; the >> 2 of
            // the 14-bit encoder adds up to 4 more. Beyond ±32124 the codec clips.
            var segment = (~code >> 4) & 7;
            var bound = (1 << (segment + 2)) + 4;
            var error = Math.Abs(decoded - Math.Clamp(pcm, -32124, 32124));
            Assert.True(error <= bound, $"pcm {pcm} decoded {decoded}: error {error} > {bound}");
        }
    }

    [Fact]
    public void Decode_AllCodes_EncodeReturnsSameCodeExceptNegativeZero()
    {
        for (var code = 0; code < 256; code++)
        {
            var expected = code == 0x7F ? 0xFF : code;
            Assert.Equal((byte)expected, MuLaw.Encode(MuLaw.Decode((byte)code)));
        }
    }

    [Fact]
    public void DecodeSpan_AllCodes_EqualsScalarOverFullScale()
    {
        var codes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var floats = new float[257];

        MuLaw.Decode(codes, floats);

        for (var i = 0; i < 256; i++)
        {
            Assert.Equal(MuLaw.Decode((byte)i) / 32768f, floats[i]);
        }

        Assert.Equal(0f, floats[256]);
    }

    [Fact]
    public void EncodeSpan_FloatsOfEveryInt16_EqualsScalar()
    {
        var floats = new float[65536];
        for (var i = 0; i < floats.Length; i++)
        {
            floats[i] = (i - 32768) / 32768f;
        }

        var codes = new byte[65536];
        MuLaw.Encode(floats, codes);

        for (var i = 0; i < floats.Length; i++)
        {
            Assert.Equal(MuLaw.Encode((short)(i - 32768)), codes[i]);
        }
    }

    [Theory]
    [InlineData(1.5f, 0x80)]
    [InlineData(1f, 0x80)]
    [InlineData(-1f, 0x00)]
    [InlineData(-7f, 0x00)]
    [InlineData(float.NaN, 0xFF)]
    [InlineData(0.00001f, 0xFF)]
    [InlineData(-0.00003f, 0x7E)]
    public void EncodeSpan_OutOfRangeOrTiny_ClampsAndRounds(float sample, int expected)
    {
        var codes = new byte[1];
        MuLaw.Encode([sample], codes);
        Assert.Equal((byte)expected, codes[0]);
    }

    [Fact]
    public void DecodeSpan_DestinationTooShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => MuLaw.Decode(new byte[4], new float[3]));
        Assert.Throws<ArgumentException>(() => MuLaw.Encode(new float[4], new byte[3]));
    }

    [Fact]
    public void Silence_Decodes_ToZero() => Assert.Equal(0, MuLaw.Decode(MuLaw.Silence));

    // CPython audioop st_14linear2ulaw, transcribed literally (segment search over seg_uend).
    private static byte ReferenceEncode(short pcm16)
    {
        int[] segEnd = [0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF];
        int value = pcm16 >> 2;
        int mask;
        if (value < 0)
        {
            value = -value;
            mask = 0x7F;
        }
        else
        {
            mask = 0xFF;
        }

        if (value > 8159)
        {
            value = 8159;
        }

        value += 0x84 >> 2;
        var seg = 0;
        while (seg < 8 && value > segEnd[seg])
        {
            seg++;
        }

        return seg >= 8 ? (byte)(0x7F ^ mask) : (byte)(((seg << 4) | ((value >> (seg + 1)) & 0xF)) ^ mask);
    }
}
