using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Show.WarmUp;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Show.WarmUp;

/// <summary>
/// The turn-path warm-up in the real studio (providers at the fake OpenAI-compatible server): it runs when the
/// studio starts and again when an AI caller is put on a line, opens the providers' connections, and never puts
/// a sound on the AI bus, a line in the transcript or a billed request (chat, speech, transcription) to a provider.
/// </summary>
public sealed class TurnWarmUpServiceTests : IAsyncLifetime
{
    private readonly AiStudioFixture _studio = new();

    public Task InitializeAsync() => _studio.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _studio.Ai.HangUpAsync();
        await _studio.DisposeAsync();
    }

    [Fact]
    public async Task WarmUp_AtStartAndOnPutOnLine_OpensConnections_NeverReachesTheAirOrTheTranscript()
    {
        var warmUp = _studio.Factory.Services.GetRequiredService<TurnWarmUpService>();
        await Poll.AssertUntilAsync(() => warmUp.Passes >= 1, "the start warm-up finished", TimeSpan.FromSeconds(60));
        Assert.Equal("start", warmUp.LastPass!.Reason);
        Assert.Empty(warmUp.LastPass.Failed);
        var models = _studio.OpenAi.Requests.Where(r => r.Path == "/v1/models").ToList();
        Assert.Contains(models, r => r.Authorization == "Bearer fake-key"); // the language model's connection
        Assert.Contains(models, r => string.IsNullOrEmpty(r.Authorization)); // the speech providers' connection
        AssertNoWarmUpRequestBilled();

        var tap = new AiBusTap();
        _studio.Audio.AddOutput(tap);
        try
        {
            var before = _studio.Engine.Current.Transcript.Count;
            await _studio.Ai.CallAsync(4);
            await Poll.AssertUntilAsync(() => warmUp.Passes >= 2, "the put-on-line warm-up finished", TimeSpan.FromSeconds(60));
            Assert.Equal("put-on-line", warmUp.LastPass!.Reason);
            Assert.Empty(warmUp.LastPass.Failed);
            await Poll.AssertUntilAsync(() => tap.Blocks > 10, "the clock ran while the warm-up did");

            Assert.Equal(0f, tap.Peak);
            Assert.False(_studio.Audio.AiVoice.IsPlaying);
            Assert.DoesNotContain(_studio.Engine.Current.Transcript.Skip(before), e => e.Kind == PartyKind.Ai);
            Assert.DoesNotContain(_studio.Engine.Current.Transcript, e => e.Text.Contains("warm-up", StringComparison.OrdinalIgnoreCase));
            AssertNoWarmUpRequestBilled();
        }
        finally
        {
            _studio.Audio.RemoveOutput(tap);
        }
    }

    /// <summary>No speech, transcription or streamed reply was asked for (the studio's own persona and decision calls are plain chats).</summary>
    private void AssertNoWarmUpRequestBilled()
    {
        Assert.DoesNotContain(_studio.OpenAi.Requests, r => r.Path is "/v1/audio/speech" or "/v1/audio/transcriptions");
        Assert.DoesNotContain(_studio.OpenAi.Requests, r => r.Path == "/v1/chat/completions" && (bool?)r.Json!["stream"] == true);
    }

    /// <summary>The loudest sample on the AI bus while attached.</summary>
    private sealed class AiBusTap : IMixOutput
    {
        private float _peak;
        private int _blocks;

        public string Name => "warm-up test tap";

        public float Peak => Volatile.Read(ref _peak);

        public int Blocks => Volatile.Read(ref _blocks);

        public void Write(MixBlock block)
        {
            var ai = block[block.IndexOf(new BusId(BusKind.AiVoice))];
            var peak = Peak;
            foreach (var sample in ai)
            {
                peak = Math.Max(peak, Math.Abs(sample));
            }

            Volatile.Write(ref _peak, peak);
            Interlocked.Increment(ref _blocks);
        }
    }
}
