using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Telephony;

namespace RadioStudio.Tests.Engine.Telephony;

public sealed class PhoneLineWarmUpTests
{
    [Theory]
    [InlineData("PCMU@8000h")]
    [InlineData("L16@16000h")]
    [InlineData("L16@24000h")]
    public void WarmUp_RunsTheWholeLinePath_TheToneComesBackThroughTheJitterBuffer(string codecName)
    {
        var codec = StreamCodec.Find(codecName)!;
        var hold = new HoldFeed(Options.Create(new TwilioOptions()), NullLogger<HoldFeed>.Instance);

        var result = PhoneLineWarmUp.Run(codec, hold, blocks: 50);

        Assert.Equal(50, result.Blocks);

        // 0.25 peak in, through encode → decode → jitter buffer → resampler: the path ran, not a shortcut.
        Assert.InRange(result.InboundPeak, 0.2f, 0.3f);
    }

    [Fact]
    public void WarmUp_RefusesZeroBlocks()
    {
        var hold = new HoldFeed(Options.Create(new TwilioOptions()), NullLogger<HoldFeed>.Instance);
        Assert.Throws<ArgumentOutOfRangeException>(() => PhoneLineWarmUp.Run(StreamCodec.Pcmu, hold, blocks: 0));
    }
}
