using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Decorators;
using RadioStudio.Engine.Speech.Listening;
using RadioStudio.Tests.Engine.Audio.Graph;

namespace RadioStudio.Tests.Engine.Speech.Whisper;

/// <summary>
/// A phone caller's turn end to end: μ-law 8 kHz speech on a phone bus, cut by the studio's endpointer, then
/// transcribed by the local Whisper model the data folder holds (generated, random weights: plumbing only).
/// </summary>
public sealed class WhisperPhoneListeningTests(WhisperModelFixture fixture) : IClassFixture<WhisperModelFixture>
{
    [Fact]
    public async Task PhoneCallerTurn_EndpointedSegment_TranscribedByTheLocalWhisperModel()
    {
        var graph = new AudioGraph(new FakePhoneLines());
        using var listener = new VoiceListener(graph, NullLogger<VoiceListener>.Instance);
        var turns = new List<(VoiceSource Source, SpeechSegment Segment)>();
        listener.SpeechEnded += (source, segment, _) => turns.Add((source, segment));

        var block = MixBlock.Standard(6);
        var phone = block.IndexOf(new BusId(BusKind.Phone, 0));
        var line = PhoneLine(SyntheticSpeech.Concat(SyntheticSpeech.Silence(0.3), SyntheticSpeech.Burst(1.5), SyntheticSpeech.Silence(2.0)));
        for (var offset = 0; offset + MixBlock.Samples <= line.Length; offset += MixBlock.Samples)
        {
            line.AsSpan(offset, MixBlock.Samples).CopyTo(block.Write(phone));
            listener.Write(block);
            listener.Drain();
        }

        var (source, segment) = Assert.Single(turns);
        Assert.Equal(VoiceSource.Phone(0), source);
        Assert.InRange(segment.Duration.TotalSeconds, 1.3, 2.5);

        using var speech = new SpeechProviders(
            Options.Create(new SpeechToTextProviderOptions()), Options.Create(new TextToSpeechProviderOptions()), new NoHttp(), new SpeechMetrics(),
            NullLogger<SpeechProviders>.Instance, TimeProvider.System, Options.Create(new StorageOptions { Path = fixture.DataFolder }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var updates = await WhisperSpeechToTextTests.CollectAsync(speech.SpeechToText.TranscribeStreamingAsync(segment, cancellationToken: timeout.Token));

        Assert.Equal("whisper", speech.SpeechToText.Info.Provider);
        Assert.True(Assert.Single(updates).IsFinal);
    }

    /// <summary>What a phone bus carries: the voice at 8 kHz through μ-law, back at the graph's 48 kHz.</summary>
    private static float[] PhoneLine(float[] voice16k)
    {
        var narrow = PolyphaseResampler.ResampleAll(voice16k, SyntheticSpeech.Rate, 8_000);
        var mulaw = new byte[narrow.Length];
        MuLaw.Encode(narrow, mulaw);
        var decoded = new float[mulaw.Length];
        MuLaw.Decode(mulaw, decoded);
        return PolyphaseResampler.ResampleAll(decoded, 8_000, 48_000);
    }

    private sealed class NoHttp : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("no HTTP here");
    }
}
