using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Show.Turns;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.AiCallers;

/// <summary>
/// The "done when" without any keys: the offline scripted caller (labelled as such) answers a typed
/// host line with espeak-ng, on the AI bus and down a simulated phone caller's line, and the line lands in the
/// transcript with show-relative times once it was spoken.
/// </summary>
public sealed class OfflineAiCallerTests(PhoneStudioFixture studio) : IClassFixture<PhoneStudioFixture>
{
    private IAiDirector Ai => studio.Factory.Services.GetRequiredService<IAiDirector>();

    [Fact]
    public async Task LetThemRespond_OfflineScript_SpeaksToThePhoneCallerAndLandsInTheTranscript()
    {
        var state = studio.Engine.Current;
        Assert.True(state.Ai.OfflineScript);
        Assert.Equal("offline script", state.Ai.Llm);
        Assert.All(state.AiCallers, slot => Assert.False(string.IsNullOrEmpty(slot.Name)));
        Assert.Equal(10, state.AiCallers.Select(s => s.Name).Distinct().Count());

        var (phone, lineId) = await studio.CallInAsync("+14155550177");
        try
        {
            await studio.Engine.TakeCallAsync(lineId);
            await Poll.AssertUntilAsync(() => studio.Phones.FindLine(lineId)!.OnAir, "the phone caller is in the mix");
            await Ai.CallAsync(3);
            var name = studio.Engine.Current.AiCallers[2].Name!;
            await studio.Engine.WaitForAsync(s => s.Ai.ActiveSlot == 3 && s.Ai.Phase == AiPhase.Listening);

            await Ai.HostLineAsync("You're on the air. What's on your mind tonight?");
            var heardFrom = phone.ReceivedFrames().Length;
            await Ai.LetThemRespondAsync();

            var spoken = await studio.Engine.WaitForAsync(s => s.Transcript.Any(e => e.Kind == PartyKind.Ai), TimeSpan.FromSeconds(60));
            var line = spoken.Transcript.First(e => e.Kind == PartyKind.Ai);
            Assert.Equal(name, line.Speaker);
            Assert.True(line.End > line.Start, $"spoken from {line.Start} to {line.End}");
            var host = spoken.Transcript.Last(e => e.Kind == PartyKind.Host);
            Assert.True(line.Start >= host.Start);

            // The whole reply is spoken in real time (several sentences of the offline voice) before the turn settles.
            var settled = await studio.Engine.WaitForAsync(s => s.Ai.Phase == AiPhase.Listening && s.Ai.LastTurn is not null, TimeSpan.FromSeconds(60));
            Assert.Equal("spoken", settled.Ai.LastTurn!.Outcome);
            Assert.NotNull(settled.Ai.LastTurn.OnAir);

            // The phone caller heard the AI voice through their mix-minus: speech energy arrived on their line.
            var received = phone.ReceivedAudio().AsSpan(heardFrom * 160).ToArray();
            var loudest = Enumerable.Range(0, received.Length / 800)
                .Max(w => Rms(received.AsSpan(w * 800, 800)));
            Assert.True(loudest > 0.02, $"the phone caller's loudest 100 ms was {loudest:F4}");
        }
        finally
        {
            await Ai.HangUpAsync();
            await phone.HangUpAsync();
        }
    }

    [Fact]
    public async Task PushToTalk_HostSpeaksOffline_PocketsphinxTranscribesTheHostIntoTheTranscript()
    {
        // The host's voice: flite (the studio's offline voice, which pocketsphinx reads far better than espeak-ng:
        // docs/ai-callers.md), at the studio rate, fed to the host mic bus while push-to-talk is held.
        var flite = new RadioStudio.Engine.Speech.Flite.FliteTextToSpeech();
        var chunks = new List<float>();
        var rate = 0;
        await foreach (var chunk in flite.SynthesizeStreamingAsync("hello and welcome to the show what is your name", new("flite-rms-1")))
        {
            chunks.AddRange(chunk.Samples.ToArray());
            rate = chunk.SampleRate;
        }

        var voice = RadioStudio.Engine.Audio.Nodes.PolyphaseResampler.ResampleAll([.. chunks], rate, 48_000);
        var before = studio.Engine.Current.Transcript.Count;
        var director = studio.Factory.Services.GetRequiredService<AiDirector>();
        director.PushToTalk(true);
        var played = studio.Audio.HostMic.Play(new BufferSource(voice));
        await played.WaitAsync(TimeSpan.FromSeconds(30));
        director.PushToTalk(false);

        var state = await studio.Engine.WaitForAsync(s => s.Transcript.Skip(before).Any(e => e.Kind == PartyKind.Host), TimeSpan.FromSeconds(30));
        var host = state.Transcript.Skip(before).First(e => e.Kind == PartyKind.Host);
        var words = host.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] expected = ["hello", "and", "welcome", "to", "the", "show", "what", "is", "your", "name"];

        // pocketsphinx gets most words of flite's speech right; half of them prove the host was heard.
        Assert.True(expected.Count(words.Contains) >= 5, $"heard: '{host.Text}'");
        Assert.True(host.End > host.Start, $"spoken from {host.Start} to {host.End}");
    }

    private static double Rms(ReadOnlySpan<byte> mulaw)
    {
        double sum = 0;
        foreach (var b in mulaw)
        {
            var s = MuLaw.Decode(b) / 32768.0;
            sum += s * s;
        }

        return Math.Sqrt(sum / mulaw.Length);
    }
}
