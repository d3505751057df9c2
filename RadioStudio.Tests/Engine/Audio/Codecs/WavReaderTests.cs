using RadioStudio.Engine.Audio.Codecs;
using static RadioStudio.Tests.Engine.Audio.Codecs.WavBytes;

namespace RadioStudio.Tests.Engine.Audio.Codecs;

public sealed class WavReaderTests
{
    // sox 14.4: `sox -n -r 8000 -c 2 -b 24 -e signed s24.wav synth 0.0005 sine 1000` (EXTENSIBLE + fact).
    private static readonly byte[] SoxStereo24 = Convert.FromHexString(
        "524946466000000057415645666D742028000000FEFF0200401F000080BB0000060018001600180003000000" +
        "0100000000001000800000AA00389B716661637404000000040000006461746118000000E60508E605086808" +
        "3E68083E2A985B2A985BE10A3EE10A3E");

    // sox 14.4: `sox -n -r 8000 -c 1 -e u-law ulaw.wav synth 0.0005 sine 1000` (18-byte fmt + fact).
    private static readonly byte[] SoxMuLaw = Convert.FromHexString(
        "524946463600000057415645666D74201200000007000100401F0000401F00000100080000006661637404000000040000006461746104000000BE908890");

    [Fact]
    public void Read_Pcm8_UnsignedWithMidpointSilence()
    {
        var audio = Read(Riff(Fmt(1, 1, 8000, 8), Data(0, 64, 128, 255)));

        Assert.Equal([-1f, -0.5f, 0f, 127f / 128], audio.Samples);
    }

    [Fact]
    public void Read_Pcm24Stereo_ExactValues()
    {
        var audio = Read(Riff(Fmt(1, 2, 44100, 24), Data(0xFF, 0xFF, 0x7F, 0x00, 0x00, 0x80, 0xFF, 0xFF, 0xFF, 0x01, 0x00, 0x00)));

        Assert.Equal((44100, 2, 2), (audio.SampleRate, audio.Channels, audio.Frames));
        Assert.Equal([8388607f / 8388608, -1f, -1f / 8388608, 1f / 8388608], audio.Samples);
    }

    [Fact]
    public void Read_Pcm32_ExactValues()
    {
        var audio = Read(Riff(Fmt(1, 1, 48000, 32), Data([.. U32(0x80000000), .. U32(0x40000000), .. U32(uint.MaxValue)])));

        Assert.Equal([-1f, 0.5f, -1f / 2147483648], audio.Samples);
    }

    [Fact]
    public void Read_Float32AndFloat64_ExactValues()
    {
        var f32 = Read(Riff(Fmt(3, 1, 48000, 32), Data([.. BitConverter.GetBytes(0.25f), .. BitConverter.GetBytes(-1.5f)])));
        var f64 = Read(Riff(Fmt(3, 1, 48000, 64), Data([.. BitConverter.GetBytes(0.125), .. BitConverter.GetBytes(-0.75)])));

        Assert.Equal([0.25f, -1.5f], f32.Samples);
        Assert.Equal([0.125f, -0.75f], f64.Samples);
    }

    [Fact]
    public void Read_MuLawAndALaw_DecodeWithG711Tables()
    {
        var mu = Read(Riff(Fmt(7, 1, 8000, 8), Data(0x00, 0x7F, 0x80, 0xFF)));
        var a = Read(Riff(Fmt(6, 1, 8000, 8), Data(0xD5, 0x55, 0xAA, 0x2A)));

        Assert.Equal([-32124f / 32768, 0f, 32124f / 32768, 0f], mu.Samples);
        Assert.Equal([8f / 32768, -8f / 32768, 32256f / 32768, -32256f / 32768], a.Samples);
    }

    [Fact]
    public void Read_SoxExtensible24BitStereo_ExactValues()
    {
        var audio = Read(SoxStereo24);

        Assert.Equal((8000, 2, 4), (audio.SampleRate, audio.Channels, audio.Frames));
        float[] frames = [0x0805E6, 0x3E0868, 0x5B982A, 0x3E0AE1];
        Assert.Equal(frames.SelectMany(v => new[] { v / 8388608, v / 8388608 }), audio.Samples);
    }

    [Fact]
    public void Read_SoxMuLawWithFactChunk_DecodesCodes()
    {
        var audio = Read(SoxMuLaw);

        Assert.Equal((8000, 1), (audio.SampleRate, audio.Channels));
        Assert.Equal(new byte[] { 0xBE, 0x90, 0x88, 0x90 }.Select(c => MuLaw.Decode(c) / 32768f), audio.Samples);
    }

    [Fact]
    public void Read_ExtensibleFloatSubformat_ReadsFloats()
    {
        var audio = Read(Riff(FmtExtensible(3, 1, 48000, 32), Data([.. BitConverter.GetBytes(0.5f), .. BitConverter.GetBytes(-0.25f)])));

        Assert.Equal([0.5f, -0.25f], audio.Samples);
    }

    [Fact]
    public void Read_ExtensibleUnknownSubformat_ThrowsInvalidData()
    {
        byte[] ambisonicTail = [0x21, 0x07, 0xD3, 0x11, 0x86, 0x44, 0xC8, 0xC1, 0xCA, 0x00, 0x00, 0x00, 0x00, 0x00];
        var bytes = Riff(FmtExtensible(1, 1, 48000, 16, ambisonicTail), Data(0, 0));

        var error = Assert.Throws<InvalidDataException>(() => Read(bytes));
        Assert.Contains("sub-format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ListAndOddSizedChunksAroundFmt_SkipsThem()
    {
        var bytes = Riff(
            Chunk("LIST", [.. Ascii("INFOISFT"), .. U32(3), .. Ascii("abc")]),
            Chunk("junk", [1, 2, 3]),
            Fmt(1, 1, 16000, 16),
            Chunk("fact", U32(2)),
            Data(0x00, 0x40, 0x00, 0xC0),
            Chunk("LIST", Ascii("trailing")));

        Assert.Equal([0.5f, -0.5f], Read(bytes).Samples);
        Assert.Equal([0.5f, -0.5f], WavReader.Read(new NonSeekableStream(bytes)).Samples);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(0x7FFFF000u)]
    [InlineData(0x7FFFFFFFu)]
    [InlineData(0xFFFFFFFFu)]
    public void Read_StreamedDataSize_ReadsToEndDroppingPartialFrame(uint declared)
    {
        var bytes = Riff(Fmt(1, 2, 8000, 16), Chunk("data", [0x00, 0x40, 0x00, 0xC0, 0x00, 0x20, 0x00, 0xE0, 0x11], declared, pad: false));

        Assert.Equal([0.5f, -0.5f, 0.25f, -0.25f], Read(bytes).Samples);
        Assert.Equal([0.5f, -0.5f, 0.25f, -0.25f], WavReader.Read(new NonSeekableStream(bytes)).Samples);
    }

    [Fact]
    public void Read_DataShorterThanDeclared_ThrowsInvalidData()
    {
        var bytes = Riff(Fmt(1, 1, 8000, 16), Chunk("data", [0, 0, 0, 0], declaredSize: 400));

        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => Read(bytes)).Message, StringComparison.Ordinal);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => WavReader.Read(new NonSeekableStream(bytes))).Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[]> Malformed => new()
    {
        { "empty", [] },
        { "RIFF only", Ascii("RIFF") },
        { "not WAVE", [.. Ascii("RIFF"), .. U32(4), .. Ascii("AVI ")] },
        { "RIFX big-endian", [.. Ascii("RIFX"), .. U32(4), .. Ascii("WAVE")] },
        { "no chunks", Riff() },
        { "data before fmt", Riff(Data(0, 0), Fmt(1, 1, 8000, 16)) },
        { "no data", Riff(Fmt(1, 1, 8000, 16), Chunk("LIST", Ascii("INFO"))) },
        { "fmt too short", Riff(Chunk("fmt ", new byte[10]), Data(0, 0)) },
        { "fmt cut by EOF", [.. Ascii("RIFF"), .. U32(30), .. Ascii("WAVEfmt "), .. U32(16), 1, 0, 1] },
        { "fmt absurd size", Riff(Chunk("fmt ", new byte[16], declaredSize: 0x7FFFFFF0)) },
        { "MP3 tag", Riff(Fmt(0x55, 1, 8000, 16), Data(0, 0)) },
        { "PCM 12-bit", Riff(Fmt(1, 1, 8000, 12, blockAlign: 2), Data(0, 0)) },
        { "float 16-bit", Riff(Fmt(3, 1, 8000, 16), Data(0, 0)) },
        { "zero channels", Riff(Fmt(1, 0, 8000, 16, blockAlign: 0), Data(0, 0)) },
        { "zero rate", Riff(Fmt(1, 1, 0, 16), Data(0, 0)) },
        { "wrong block align", Riff(Fmt(1, 2, 8000, 16, blockAlign: 2), Data(0, 0)) },
        { "extensible too short", Riff(Chunk("fmt ", [.. U16(0xFFFE), .. U16(1), .. U32(8000), .. U32(16000), .. U16(2), .. U16(16)]), Data(0, 0)) },
        { "chunk past EOF", Riff(Fmt(1, 1, 8000, 16), Chunk("LIST", [1, 2], declaredSize: 1000)) },
        { "random", RandomBytes(300) },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Read_Malformed_ThrowsInvalidDataWithReason(string name, byte[] bytes)
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(bytes));

        Assert.StartsWith("Invalid WAV: ", error.Message, StringComparison.Ordinal);
        Assert.NotNull(name);
    }

    [Fact]
    public void Read_EveryPrefixAndHeaderByteFlip_OnlyEverThrowsInvalidData()
    {
        var valid = Riff(Chunk("LIST", Ascii("INFOx")), FmtExtensible(1, 2, 8000, 24), Data(new byte[60]));
        var random = new Random(1234);
        var cases = Enumerable.Range(0, valid.Length).Select(n => valid[..n]).ToList();
        for (var i = 0; i < 3000; i++)
        {
            var mutated = (byte[])valid.Clone();
            mutated[random.Next(80)] = (byte)random.Next(256);
            cases.Add(mutated);
        }

        foreach (var stream in cases.SelectMany(b => new Stream[] { new MemoryStream(b), new NonSeekableStream(b) }))
        {
            try
            {
                var audio = WavReader.Read(stream);
                Assert.Equal(0, audio.Samples.Length % audio.Channels);
            }
            catch (InvalidDataException)
            {
                // The only acceptable failure.
            }
        }
    }

    [Fact]
    public void ToMono_Stereo_AveragesEachFrame()
    {
        var mono = WavAudio.ToMono(new WavAudio(8000, 2, [1f, 0f, 0.5f, -0.5f, -1f, -0.5f]));

        Assert.Equal([0.5f, 0f, -0.75f], mono);
    }

    [Fact]
    public void ToMono_Mono_ReturnsCopy()
    {
        var audio = new WavAudio(8000, 1, [0.25f, -0.25f]);

        var mono = WavAudio.ToMono(audio);

        Assert.Equal(audio.Samples, mono);
        Assert.NotSame(audio.Samples, mono);
        Assert.Equal(TimeSpan.FromSeconds(2.0 / 8000), audio.Duration);
    }

    private static WavAudio Read(byte[] bytes) => WavReader.Read(new MemoryStream(bytes));

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(42).NextBytes(bytes);
        return bytes;
    }
}
