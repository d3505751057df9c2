using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.State;
using RadioStudio.Tests.Engine.Speech;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.AiCallers;

/// <summary>
/// AI turns through the real OpenAI client against the fake OpenAI-compatible server: streaming (the first
/// sentence is spoken while the model still streams), barge-in, hang-up races, three-way transcription.
/// </summary>
[Collection(nameof(AiTurnIntegrationTests))]
public sealed class AiTurnIntegrationTests(AiStudioFixture studio) : IClassFixture<AiStudioFixture>, IAsyncLifetime
{
    private const string Reply = "Well, I saw something strange over the lake last night. It hovered there for an hour. My wife Dana says I'm crazy, but I know what I saw.";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        studio.Audio.HostMic.Stop();
        studio.Ai.PushToTalk(false);
        await studio.Ai.HangUpAsync();
        await studio.Ai.CurrentTurn;
        studio.OpenAi.Chat = _ => FakeChatReply.Text(Reply);
        studio.OpenAi.Speech = body => FakeSpeechReply.ToneFor((string?)body["input"] ?? "");
        await studio.Engine.SetRespondModeAsync(RespondMode.Manual);
    }

    [Fact]
    public async Task LetThemRespond_StreamingModel_FirstSentenceSpokenWhileTheModelStillStreams()
    {
        var speechWhileStreaming = new List<bool>();
        studio.OpenAi.Chat = _ => FakeChatReply.Text(Reply, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(60));
        studio.OpenAi.Speech = body =>
        {
            lock (speechWhileStreaming)
            {
                speechWhileStreaming.Add(studio.OpenAi.ChatStreamsOpen > 0);
            }

            return FakeSpeechReply.ToneFor((string?)body["input"] ?? "");
        };
        var slot = await OnTheLineAsync(2);
        var before = studio.Engine.Current.Transcript.Count;
        await studio.Ai.HostLineAsync("Caller, you're on the air.");

        await studio.Ai.LetThemRespondAsync();
        await studio.Ai.CurrentTurn.WaitAsync(TimeSpan.FromSeconds(60));

        lock (speechWhileStreaming)
        {
            Assert.True(speechWhileStreaming.Count >= 2, $"{speechWhileStreaming.Count} sentences went to TTS");
            Assert.True(speechWhileStreaming[0], "the first sentence went to TTS only after the model had finished");
        }

        var chat = LastDialogueRequest();
        var system = (string)chat["messages"]![0]!["content"]!;
        Assert.StartsWith($"You are {slot.Name}, calling", system, StringComparison.Ordinal);
        Assert.Contains("HOST: Caller, you're on the air.", chat["messages"]!.AsArray().Select(m => (string?)m!["content"]));

        var state = studio.Engine.Current;
        var ai = state.Transcript.Skip(before).Where(e => e.Kind == PartyKind.Ai).ToList();
        Assert.Equal(Reply, string.Join(' ', ai.Select(e => e.Text)));
        Assert.Equal(3, ai.Count); // one entry per sentence, as each was heard
        Assert.Equal("spoken", state.Ai.LastTurn!.Outcome);
        Assert.True(state.Ai.LastTurn.LlmFirstToken <= state.Ai.LastTurn.OnAir);
    }

    [Fact]
    public async Task LetThemRespond_ModelAnswersAnHtmlPage_FallbackSpeaksAndTheProblemIsShown()
    {
        studio.OpenAi.Chat = _ => FakeChatReply.Html("<html><body>Proxy login</body></html>");
        await OnTheLineAsync(4);
        var before = studio.Engine.Current.Transcript.Count;

        await studio.Ai.LetThemRespondAsync();
        await studio.Ai.CurrentTurn.WaitAsync(TimeSpan.FromSeconds(60));

        var state = studio.Engine.Current;
        Assert.Contains("fallback", state.Ai.Problem, StringComparison.Ordinal);
        var spoken = string.Join(' ', state.Transcript.Skip(before).Where(e => e.Kind == PartyKind.Ai).Select(e => e.Text));
        Assert.False(string.IsNullOrWhiteSpace(spoken));
        Assert.DoesNotContain("Proxy login", spoken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LetThemRespond_ThreeSentenceReply_EachSentenceReachesTheTranscriptBeforeTheReplyEnds()
    {
        studio.OpenAi.Chat = _ => FakeChatReply.Text(Reply);
        await OnTheLineAsync(5);
        var before = studio.Engine.Current.Transcript.Count;

        await studio.Ai.LetThemRespondAsync();

        // The first sentence is in the transcript while the voice is still speaking the rest.
        await studio.Engine.WaitForAsync(s => s.Transcript.Skip(before).Count(e => e.Kind == PartyKind.Ai) == 1, TimeSpan.FromSeconds(30));
        Assert.False(studio.Ai.CurrentTurn.IsCompleted, "the first sentence appeared only once the reply had ended");
        Assert.True(studio.Audio.AiVoice.IsPlaying);
        var second = await studio.Engine.WaitForAsync(s => s.Transcript.Skip(before).Count(e => e.Kind == PartyKind.Ai) == 2, TimeSpan.FromSeconds(30));
        Assert.False(studio.Ai.CurrentTurn.IsCompleted, "the second sentence appeared only once the reply had ended");

        await studio.Ai.CurrentTurn.WaitAsync(TimeSpan.FromSeconds(60));
        var entries = studio.Engine.Current.Transcript.Skip(before).Where(e => e.Kind == PartyKind.Ai).ToList();
        Assert.Equal(
            ["Well, I saw something strange over the lake last night.", "It hovered there for an hour.", "My wife Dana says I'm crazy, but I know what I saw."],
            entries.Select(e => e.Text));
        Assert.True(entries[0].End <= entries[1].Start && entries[1].End <= entries[2].Start, "one after another on the show clock");
        Assert.Equal(2, second.Transcript.Skip(before).Count(e => e.Kind == PartyKind.Ai));
    }

    [Fact]
    public async Task ManualMode_OneToOne_TypedLineGetsTheReplyWithoutAnotherKey()
    {
        studio.OpenAi.Chat = _ => FakeChatReply.Text("Oh, hi. Thanks for having me.");
        await studio.Engine.WaitForAsync(s => !s.Lines.Any(l => l.IsOnAir), TimeSpan.FromSeconds(30)); // earlier tests' callers have gone
        await OnTheLineAsync(6);
        Assert.Equal(RespondMode.Manual, studio.Engine.Current.RespondMode);
        var before = studio.Engine.Current.Transcript.Count;

        await studio.Ai.HostLineAsync("You're on the air, caller.");

        await studio.Engine.WaitForAsync(
            s => string.Join(' ', s.Transcript.Skip(before).Where(e => e.Kind == PartyKind.Ai).Select(e => e.Text)) == "Oh, hi. Thanks for having me.",
            TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(studio.Engine.Current.Lines, l => l.IsOnAir);
    }

    [Fact]
    public async Task ManualMode_WithAPhoneCallerOnAir_TypedLineWaitsForLetThemRespond()
    {
        var (phone, lineId) = await studio.CallInAsync("+14155550177");
        try
        {
            await studio.Engine.TakeCallAsync(lineId);
            await studio.Engine.WaitForAsync(s => s.OnAirLines.Any(l => l.Id == lineId));
            await OnTheLineAsync(7);
            var requests = DialogueRequests();

            await studio.Ai.HostLineAsync("Let's hear from our caller on line one first.");
            await studio.Ai.CurrentTurn;

            Assert.Equal(requests, DialogueRequests());
            Assert.Equal(AiPhase.Listening, studio.Engine.Current.Ai.Phase);
            await studio.Ai.LetThemRespondAsync();
            await studio.Ai.CurrentTurn.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(requests + 1, DialogueRequests());
        }
        finally
        {
            await phone.HangUpAsync();
        }
    }

    [Fact]
    public async Task HostSpeechOverTheAi_BargesIn_StopsTheVoiceClearsPhonesAndKeepsOnlyWhatWasHeard()
    {
        var (phone, lineId) = await studio.CallInAsync("+14155550188");
        try
        {
            await studio.Engine.TakeCallAsync(lineId);
            await Poll.AssertUntilAsync(() => studio.Phones.FindLine(lineId)!.OnAir, "the phone caller is in the mix");
            await OnTheLineAsync(4);
            var before = studio.Engine.Current.Transcript.Count;
            await studio.Ai.LetThemRespondAsync();
            await studio.Engine.WaitForAsync(s => s.Ai.Phase == AiPhase.Speaking, TimeSpan.FromSeconds(30));
            var clearsBefore = phone.Clears;

            // The host holds push-to-talk and speaks over the AI.
            studio.Ai.PushToTalk(true);
            _ = studio.Audio.HostMic.Play(new BufferSource(HostSpeech(1.5)));

            await studio.Ai.CurrentTurn.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.False(studio.Audio.AiVoice.IsPlaying);
            await Poll.AssertUntilAsync(() => phone.Clears > clearsBefore, "the phone caller's carrier was told to clear");

            var state = await studio.Engine.WaitForAsync(s => s.Ai.LastTurn is { Outcome: "barged-in" } && s.Ai.Phase == AiPhase.Listening);
            var heard = string.Join(' ', state.Transcript.Skip(before).Where(e => e.Kind == PartyKind.Ai).Select(e => e.Text));
            if (heard.Length > 0)
            {
                Assert.True(heard.Length < Reply.Length, $"only what was heard stays: '{heard}'");
                Assert.StartsWith(heard.TrimEnd('—').Split(' ')[0], Reply, StringComparison.Ordinal);
            }
        }
        finally
        {
            await phone.HangUpAsync();
        }
    }

    [Fact]
    public async Task HangUp_WhileTheModelIsThinking_NothingAirsOrIsTranscribed()
    {
        studio.OpenAi.Chat = _ => FakeChatReply.Text(Reply, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(20));
        await OnTheLineAsync(5);
        var before = studio.Engine.Current.Transcript.Count;
        var speechBefore = studio.OpenAi.Requests.Count(r => r.Path == "/v1/audio/speech");

        await studio.Ai.LetThemRespondAsync();
        await studio.Engine.WaitForAsync(s => s.Ai.Phase == AiPhase.Thinking);
        await studio.Ai.HangUpAsync();
        await studio.Ai.CurrentTurn.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(speechBefore, studio.OpenAi.Requests.Count(r => r.Path == "/v1/audio/speech"));
        Assert.False(studio.Audio.AiVoice.IsPlaying);
        var state = await studio.Engine.WaitForAsync(s => s.Ai.LastTurn is { Outcome: "cancelled" });
        Assert.DoesNotContain(state.Transcript.Skip(before), e => e.Kind == PartyKind.Ai);
        Assert.Equal(AiPhase.Idle, state.Ai.Phase);
    }

    [Fact]
    public async Task HangUp_WhileTheVoiceIsBeingSynthesised_NothingAirsOrIsTranscribed()
    {
        studio.OpenAi.Speech = body => FakeSpeechReply.ToneFor((string?)body["input"] ?? "", TimeSpan.FromSeconds(3));
        await OnTheLineAsync(6);
        var before = studio.Engine.Current.Transcript.Count;
        var speechBefore = studio.OpenAi.Requests.Count(r => r.Path == "/v1/audio/speech");

        await studio.Ai.LetThemRespondAsync();
        await Poll.AssertUntilAsync(() => studio.OpenAi.Requests.Count(r => r.Path == "/v1/audio/speech") > speechBefore, "the first sentence went to TTS");
        await studio.Ai.HangUpAsync();
        await studio.Ai.CurrentTurn.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(studio.Audio.AiVoice.IsPlaying);
        var state = await studio.Engine.WaitForAsync(s => s.Ai.LastTurn is { Outcome: "cancelled" });
        Assert.DoesNotContain(state.Transcript.Skip(before), e => e.Kind == PartyKind.Ai);
    }

    [Fact]
    public async Task ThreeWay_PhoneCallerSpeech_IsTranscribedByNameAndFeedsTheAi()
    {
        studio.OpenAi.Transcription = (_, _) => new FakeTranscriptionReply("I saw those lights too, over by the water tower.", TimeSpan.FromMilliseconds(100));
        var caller8k = PolyphaseResampler.ResampleAll(SyntheticSpeech.Concat(SyntheticSpeech.Silence(0.5), SyntheticSpeech.Burst(1.2), SyntheticSpeech.Silence(30)), 16_000, 8_000);
        var (phone, lineId) = await studio.CallInAsync("+14155550199", caller8k);
        try
        {
            await studio.Engine.UpdateCallerDetailsAsync(lineId, "Maria", "lights over the lake", null);
            await OnTheLineAsync(7);
            await studio.Engine.TakeCallAsync(lineId);

            var state = await studio.Engine.WaitForAsync(s => s.Transcript.Any(e => e.Kind == PartyKind.Phone && e.Speaker == "Maria"), TimeSpan.FromSeconds(30));
            var said = state.Transcript.Last(e => e.Kind == PartyKind.Phone);
            Assert.Equal("I saw those lights too, over by the water tower.", said.Text);
            Assert.True(said.End > said.Start);

            await studio.Ai.LetThemRespondAsync();
            await studio.Ai.CurrentTurn.WaitAsync(TimeSpan.FromSeconds(60));
            var chat = LastDialogueRequest()["messages"]!.ToJsonString();
            Assert.Contains("MARIA", chat, StringComparison.Ordinal);
            Assert.Contains("water tower", chat, StringComparison.Ordinal);
        }
        finally
        {
            await phone.HangUpAsync();
        }
    }

    [Fact]
    public async Task HangUp_SlotGetsAFreshCallerWhoIsEnrichedInTheBackground()
    {
        studio.OpenAi.Chat = body => (bool?)body["stream"] == true
            ? FakeChatReply.Text(Reply)
            : FakeChatReply.Text("{\"backstory\": \"Drives a night route for the county and keeps a thermos of chicory coffee on the dash.\"}");
        var first = await OnTheLineAsync(8);

        await studio.Ai.HangUpAsync();

        var state = await studio.Engine.WaitForAsync(s => s.AiCallers[7].Persona is { Backstory.Length: > 0 } p && p.Name != first.Name, TimeSpan.FromSeconds(20));
        Assert.Contains("chicory", state.AiCallers[7].Persona!.Backstory, StringComparison.Ordinal);
        Assert.Equal(AiCallerStatus.Ready, state.AiCallers[7].Status);
        Assert.DoesNotContain(state.AiCallers.Take(7), s => s.Name == state.AiCallers[7].Name);
    }

    [Fact]
    public async Task AutoMode_HostLineEnds_AiDecidesAndAnswersWithoutBeingAsked()
    {
        await studio.Engine.SetRespondModeAsync(RespondMode.Auto);
        await OnTheLineAsync(9);
        var before = studio.Engine.Current.Transcript.Count;
        var dialogueBefore = DialogueRequests();
        studio.OpenAi.Chat = body => (bool?)body["stream"] == true ? FakeChatReply.Text(Reply) : FakeChatReply.Text("yes");

        await studio.Ai.HostLineAsync("So what did you see out there?");

        await studio.Engine.WaitForAsync(s => s.Transcript.Skip(before).Any(e => e.Kind == PartyKind.Ai), TimeSpan.FromSeconds(30));
        var state = await studio.Engine.WaitForAsync(s => s.Transcript.Skip(before).Count(e => e.Kind == PartyKind.Ai) == 3, TimeSpan.FromSeconds(30));
        Assert.Equal(Reply, string.Join(' ', state.Transcript.Skip(before).Where(e => e.Kind == PartyKind.Ai).Select(e => e.Text)));
        Assert.Equal(dialogueBefore + 1, DialogueRequests());
        // The last utility request may be the previous call's summary (written in the background): find the decision.
        var utility = studio.OpenAi.Requests.Where(r => r.Path == "/v1/chat/completions" && (bool?)r.Json!["stream"] != true).Select(r => r.Json!).ToList();
        Assert.Contains(utility, r => ((string?)r["messages"]![0]!["content"])!.Contains("Answer only yes or no", StringComparison.Ordinal)
            && ((string?)r["messages"]![1]!["content"])!.Contains("So what did you see out there?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AutoMode_ModelSaysNo_TheAiStaysQuiet()
    {
        await studio.Engine.SetRespondModeAsync(RespondMode.Auto);
        await OnTheLineAsync(10);
        var dialogueBefore = DialogueRequests();
        var decisionsBefore = studio.OpenAi.Requests.Count(r => r.Path == "/v1/chat/completions" && (bool?)r.Json!["stream"] != true);
        studio.OpenAi.Chat = body => (bool?)body["stream"] == true ? FakeChatReply.Text(Reply) : FakeChatReply.Text("no");

        await studio.Ai.HostLineAsync("Hang on, folks, I'm going to the phones in a second.");

        await Poll.AssertUntilAsync(
            () => studio.OpenAi.Requests.Count(r => r.Path == "/v1/chat/completions" && (bool?)r.Json!["stream"] != true) > decisionsBefore, "the should-respond decision was asked");
        await studio.Ai.Auto.Pending.WaitAsync(TimeSpan.FromSeconds(10));
        await studio.Ai.CurrentTurn;
        Assert.Equal(dialogueBefore, DialogueRequests());
        Assert.Equal(AiPhase.Listening, studio.Engine.Current.Ai.Phase);
    }

    private int DialogueRequests() => studio.OpenAi.Requests.Count(r => r.Path == "/v1/chat/completions" && (bool?)r.Json!["stream"] == true);

    // Dialogue is streamed; persona enrichment and summaries (utility purposes) are not.
    private System.Text.Json.Nodes.JsonObject LastDialogueRequest() =>
        studio.OpenAi.Requests.Last(r => r.Path == "/v1/chat/completions" && (bool?)r.Json!["stream"] == true).Json!;

    private async Task<AiCallerState> OnTheLineAsync(int slot)
    {
        await studio.Ai.CallAsync(slot);
        var state = await studio.Engine.WaitForAsync(s => s.Ai.ActiveSlot == slot && s.Ai.Phase == AiPhase.Listening);
        return state.AiCallers[slot - 1];
    }

    private static float[] HostSpeech(double seconds) =>
        PolyphaseResampler.ResampleAll(SyntheticSpeech.Burst(seconds, -14), 16_000, 48_000);
}
