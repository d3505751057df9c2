using Microsoft.Extensions.Logging.Abstractions;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Listening;
using RadioStudio.Tests.Engine.Audio.Graph;

namespace RadioStudio.Tests.Engine.Speech.Listening;

public sealed class VoiceListenerTests
{
    [Fact]
    public void PushToTalkReleased_EndsTheHostTurnWithoutWaitingForTheNextBlock()
    {
        var graph = new AudioGraph(new FakePhoneLines());
        using var listener = new VoiceListener(graph, NullLogger<VoiceListener>.Instance);
        var started = 0;
        SpeechSegment? ended = null;
        listener.SpeechStarted += source => started += source.IsHost ? 1 : 0;
        listener.SpeechEnded += (source, segment, _) => ended = source.IsHost ? segment : ended;
        var voice = PolyphaseResampler.ResampleAll(SyntheticSpeech.Concat(SyntheticSpeech.Silence(0.5), SyntheticSpeech.Burst(1.0)), SyntheticSpeech.Rate, 48_000);
        var block = MixBlock.Standard(6);
        var host = block.IndexOf(new BusId(BusKind.HostMic));

        listener.HostPushToTalk = true;
        for (var offset = 0; offset + MixBlock.Samples <= voice.Length; offset += MixBlock.Samples)
        {
            voice.AsSpan(offset, MixBlock.Samples).CopyTo(block.Write(host));
            listener.Write(block);
            listener.Drain();
        }

        Assert.Equal(1, started);
        Assert.Null(ended);

        // No further block arrives: the release alone ends the turn, with the speech heard while held.
        listener.HostPushToTalk = false;
        listener.Drain();

        Assert.NotNull(ended);
        Assert.InRange(ended.Duration.TotalSeconds, 1.4, 1.6);
    }
}
