using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Tests.Engine.Audio;

public sealed partial class RealtimePathTests
{
    [Fact]
    public void Prepare_BuildsANativeCallsStub_SoItsFirstCallCompilesNothingOnTheCallingThread()
    {
        // getppid is declared only here, so no other test has called it: its marshalling stub does not exist yet.
        var prepared = RealtimePath.Prepare([typeof(NativeOnlyHere)]);
        Assert.Equal(0, prepared.Failed);

        long compiled = -1;
        var clock = new Thread(() =>
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
            _ = NativeOnlyHere.ParentProcessId();
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) - before;
        });
        clock.Start();
        clock.Join();

        Assert.Equal(0, compiled);
    }

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

    [Theory]
    [InlineData("PCMU@8000h")]
    [InlineData("L16@16000h")]
    [InlineData("L16@24000h")]
    public void WarmGraph_RunsEveryBlockThroughTheMix_TheCallersToneComesInThroughTheWholeLinePath(string codec)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new TwilioOptions { StreamCodec = codec });
        var hold = new HoldFeed(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<HoldFeed>.Instance);

        var ran = RealtimePath.WarmGraph(phoneSlots: 6, hold, blocks: 40);

        Assert.Equal(40, ran.Blocks);
        Assert.Equal(40, ran.OutputBlocks);

        // The caller sends a −12 dBFS tone: encode → decode → jitter buffer → resampler to 48 kHz onto its phone bus
        // (the path ran, not a shortcut), and the program carried it with the other sources.
        Assert.InRange(ran.CallerPeakDb, -13.5f, -10.5f);
        Assert.InRange(ran.ProgramPeakDb, -30f, 0f);
    }
}

internal static partial class NativeOnlyHere
{
    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "getppid")]
    internal static partial int ParentProcessId();
}
