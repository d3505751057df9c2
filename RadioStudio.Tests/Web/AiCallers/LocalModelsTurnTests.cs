using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Engine.Speech;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.AiCallers;

/// <summary>
/// An AI caller's turn with no cloud: the local GGUF model writes the reply (gibberish from random weights), the
/// offline voice speaks it, a phone caller's speech is transcribed by the local Whisper model, and the console
/// names the local models in force.
/// </summary>
public sealed class LocalModelsTurnTests(LocalModelsStudioFixture studio) : IClassFixture<LocalModelsStudioFixture>
{
    [Fact]
    public async Task LetThemRespond_LocalModel_ReplyIsSpokenAndTheLocalModelsAreShown()
    {
        await studio.Ai.CallAsync(3);
        await studio.Engine.WaitForAsync(s => s.Ai.ActiveSlot == 3 && s.Ai.Phase == AiPhase.Listening);
        var before = studio.Engine.Current.Transcript.Count;
        await studio.Ai.HostLineAsync("Caller, you're on the air.");

        await studio.Ai.LetThemRespondAsync();
        await studio.Ai.CurrentTurn.WaitAsync(TimeSpan.FromSeconds(120));

        // Random weights write gibberish: spoken as it is, or — when none of it can be said aloud — the fallback line.
        var state = await studio.Engine.WaitForAsync(s => s.Transcript.Skip(before).Any(e => e.Kind == PartyKind.Ai && e.Text.Length > 0));
        Assert.True(state.Ai.LastTurn!.Outcome is "spoken" or "fallback", state.Ai.LastTurn.Outcome);
        Assert.Equal("local · random-llama.gguf", state.Ai.Llm);
        Assert.False(state.Ai.OfflineScript);
        Assert.Equal("offline · whisper ggml-random.en.bin", state.Ai.SpeechToText);
    }

    [Fact]
    public async Task PhoneCallerOnAir_Speech_IsTranscribedByTheLocalWhisperModel()
    {
        var caller8k = PolyphaseResampler.ResampleAll(SyntheticSpeech.Concat(SyntheticSpeech.Silence(0.5), SyntheticSpeech.Burst(1.5), SyntheticSpeech.Silence(30)), 16_000, 8_000);
        var (phone, lineId) = await studio.CallInAsync("+14155550142", caller8k);
        try
        {
            await studio.Engine.UpdateCallerDetailsAsync(lineId, "Omar", "the bridge", null);
            await studio.Engine.TakeCallAsync(lineId);

            var state = await studio.Engine.WaitForAsync(s => s.Transcript.Any(e => e.Kind == PartyKind.Phone && e.Speaker == "Omar"), TimeSpan.FromSeconds(60));

            var said = state.Transcript.Last(e => e.Kind == PartyKind.Phone);
            Assert.False(string.IsNullOrWhiteSpace(said.Text));
            Assert.True(said.End > said.Start);
        }
        finally
        {
            await phone.HangUpAsync();
        }
    }
}
