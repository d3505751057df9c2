using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Telephony;

namespace RadioStudio.Tests.Engine.Telephony;

public sealed class StreamCodecTests
{
    [Theory]
    [InlineData("PCMU@8000h", 8000, 160)]
    [InlineData("l16@16000h", 16000, 640)]
    [InlineData("L16@24000h", 24000, 960)]
    public void Find_KnownName_GivesRateAndFrameSize(string name, int rate, int frameBytes)
    {
        var codec = StreamCodec.Find(name)!;
        Assert.Equal((rate, frameBytes), (codec.SampleRate, codec.FrameBytes));
    }

    [Fact]
    public void Find_Unknown_IsNull() => Assert.Null(StreamCodec.Find("OPUS@48000h"));

    [Fact]
    public void L16_IsBigEndianAndRoundTripsExactly()
    {
        var samples = new[] { 0f, 0.5f, -0.5f, -1f, 32767 / 32768f, 1 / 32768f };
        var payload = new byte[samples.Length * 2];

        StreamCodec.L16At16k.Encode(samples, payload);

        Assert.Equal(new byte[] { 0x00, 0x00, 0x40, 0x00, 0xC0, 0x00, 0x80, 0x00, 0x7F, 0xFF, 0x00, 0x01 }, payload);
        var back = new float[samples.Length];
        StreamCodec.L16At16k.Decode(payload, back);
        Assert.Equal(samples, back);
    }

    [Fact]
    public void L16_OutOfRange_Clamps()
    {
        var payload = new byte[4];
        StreamCodec.L16At24k.Encode([2f, -2f], payload);
        Assert.Equal(new byte[] { 0x7F, 0xFF, 0x80, 0x00 }, payload);
    }

    [Fact]
    public void Pcmu_IsG711AndSilenceIsFF()
    {
        var payload = new byte[2];
        StreamCodec.Pcmu.Encode([0f, 1000 / 32768f], payload);
        Assert.Equal(new byte[] { 0xFF, MuLaw.Encode(1000) }, payload);
        StreamCodec.Pcmu.Silence(payload);
        Assert.Equal(new byte[] { 0xFF, 0xFF }, payload);
    }

    [Theory]
    [InlineData("audio/x-mulaw", 8000, true)]
    [InlineData("audio/x-mulaw", 16000, false)]
    [InlineData("audio/l16", 8000, false)]
    public void Pcmu_Matches_OnlyItsMediaFormat(string encoding, int rate, bool matches) =>
        Assert.Equal(matches, StreamCodec.Pcmu.Matches(encoding, rate));

    [Fact]
    public void L16_Matches_WithOrWithoutRateSuffix()
    {
        Assert.True(StreamCodec.L16At16k.Matches("audio/L16", 16000));
        Assert.True(StreamCodec.L16At16k.Matches("audio/l16;rate=16000", 16000));
        Assert.False(StreamCodec.L16At16k.Matches("audio/l16", 24000));
    }
}
