using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Tests.Engine.Audio;

public sealed class RealtimePathTests
{
    [Fact]
    public void Types_AreTheAudioEngineAndTheLineHandOffs_NotTheRestOfTheStudio()
    {
        Assert.Contains(typeof(AudioGraph), RealtimePath.Types);
        Assert.Contains(typeof(AudioClock), RealtimePath.Types);
        Assert.Contains(typeof(PhoneLine), RealtimePath.Types);
        Assert.Contains(typeof(MediaSendPump), RealtimePath.Types);
        Assert.DoesNotContain(typeof(StudioEngine), RealtimePath.Types);
    }

    [Fact]
    public void Prepare_CompilesEveryConcreteMethod_AndSkipsWhatCannotBeCompiled()
    {
        var prepared = RealtimePath.Prepare([typeof(AudioGraph), typeof(IAudioSource), typeof(List<>)]);

        // The interface and the open generic are skipped; every constructor and method of the graph is compiled.
        Assert.Equal(1, prepared.Types);
        Assert.True(prepared.Methods >= 10, $"{prepared.Methods} methods");
        Assert.Equal(0, prepared.Failed);
    }

    [Fact]
    public void Prepare_TheWholeRealtimePath_HasNoMethodItCannotCompile()
    {
        var prepared = RealtimePath.Prepare();

        Assert.True(prepared.Types >= 100, $"{prepared.Types} types");
        Assert.True(prepared.Methods > prepared.Types, $"{prepared.Methods} methods");
        Assert.Equal(0, prepared.Failed);
    }

    [Fact]
    public void WarmGraph_RunsEveryBlockThroughTheMixToTheOutput()
    {
        var hold = new HoldFeed(Microsoft.Extensions.Options.Options.Create(new TwilioOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<HoldFeed>.Instance);

        var ran = RealtimePath.WarmGraph(phoneSlots: 6, hold, blocks: 40);

        Assert.Equal(40, ran.Blocks);
        Assert.Equal(40, ran.OutputBlocks);

        // Tones on the AI, ads and music, the cart's ring and a caller mixed: the program carried audio, well above silence.
        Assert.InRange(ran.ProgramPeakDb, -30f, 0f);
    }
}
