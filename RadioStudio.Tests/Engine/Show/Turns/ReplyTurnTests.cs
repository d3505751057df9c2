using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Show;
using RadioStudio.Engine.Show.Turns;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Tests.Engine.Speech;

namespace RadioStudio.Tests.Engine.Show.Turns;

/// <summary>One AI reply through <see cref="ReplyTurn"/> with a scripted model and voice and a recording stage.</summary>
public sealed class ReplyTurnTests
{
    private static readonly Persona Walt = new() { Name = "Walt", Gender = VoiceGender.Male, Age = 60, Job = "baker", Town = "Reno", Reason = "buses" };

    [Fact]
    public async Task RunAsync_BoardSlowToShowThinking_ModelStartsAtOnceAndEachSentenceIsReadAlongInOrder()
    {
        var chat = new StreamingChatClient("I have listened to your show for years. My neighbour keeps a goat on his balcony. The council should do something about it.");
        var stage = new RecordingStage { ThinkingShown = new TaskCompletionSource().Task };
        using var call = CallWithHostLine();
        using var run = new TurnRun(call, TurnTrigger.Typed, TimeProvider.System.GetTimestamp(), speechToTextFinal: null);

        var result = await Reply(chat).RunAsync(run, stage).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("spoken", result.Outcome);
        Assert.False(result.FallbackSpoken);
        Assert.Equal(1, chat.Streams);
        Assert.Equal(["I have listened to your show for years.", "My neighbour keeps a goat on his balcony.", "The council should do something about it."], stage.Lines);
        Assert.Equal([AiPhase.Thinking, AiPhase.Speaking], stage.Phases.Distinct());
        Assert.NotNull(result.Stamps.OnAir);
        Assert.True(result.Playout.SamplesPlayed > 0, "the voice was read out by the stage");
    }

    [Fact]
    public async Task RunAsync_ModelFails_SaysTheFallbackLineAndReportsTheProblem()
    {
        var chat = new StreamingChatClient(null);
        var stage = new RecordingStage();
        using var call = CallWithHostLine();
        using var run = new TurnRun(call, TurnTrigger.Typed, TimeProvider.System.GetTimestamp(), speechToTextFinal: null);

        var result = await Reply(chat).RunAsync(run, stage).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("fallback", result.Outcome);
        Assert.True(result.FallbackSpoken);
        Assert.Contains(stage.Problems, p => p.StartsWith("Walt's reply failed", StringComparison.Ordinal));
        Assert.Equal(new AiCallerOptions().FallbackLine, result.Playout.HeardText());
    }

    [Fact]
    public async Task RunAsync_ModelSaysNothingSayable_SaysTheFallbackLineInsteadOfDeadAir()
    {
        var chat = new StreamingChatClient("");
        var stage = new RecordingStage();
        using var call = CallWithHostLine();
        using var run = new TurnRun(call, TurnTrigger.Typed, TimeProvider.System.GetTimestamp(), speechToTextFinal: null);

        var result = await Reply(chat).RunAsync(run, stage).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("fallback", result.Outcome);
        Assert.Equal(new AiCallerOptions().FallbackLine, result.Playout.HeardText());
        Assert.Contains(stage.Problems, p => p.Contains("nothing to say aloud", StringComparison.Ordinal));
    }

    private static ReplyTurn Reply(IChatClient chat)
    {
        var voice = new ScriptedTextToSpeech("openai", [], chunks: 3);
        return new ReplyTurn(() => chat, () => voice, new AiCallerOptions(), new StudioOptions(), TimeProvider.System, NullLogger.Instance);
    }

    private static ActiveAiCall CallWithHostLine()
    {
        var call = new ActiveAiCall(1, Walt, reaction: null, TimeSpan.Zero);
        call.Add(new ConversationMessage(ConversationRole.Host, "Host", "Walt, you're on the air."));
        return call;
    }

    /// <summary>Streams <c>reply</c> word by word, or fails when it is null.</summary>
    private sealed class StreamingChatClient(string? reply) : IChatClient
    {
        public int Streams { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Streams++;
            await Task.Yield();
            if (reply is null)
            {
                throw new InvalidOperationException("the model is down");
            }

            foreach (var word in reply.Split(' '))
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ");
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    /// <summary>Records what the reply did to the studio; reads its voice out as the AI bus would.</summary>
    private sealed class RecordingStage : IReplyStage
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly ConcurrentQueue<AiPhase> _phases = new();
        private readonly ConcurrentQueue<string> _problems = new();

        public Task ThinkingShown { get; init; } = Task.CompletedTask;

        public IReadOnlyList<string> Lines => [.. _lines];

        public IReadOnlyList<AiPhase> Phases => [.. _phases];

        public IReadOnlyList<string> Problems => [.. _problems];

        public TimeSpan ShowTime() => TimeSpan.Zero;

        public IReadOnlyList<EarlierCall> EarlierCalls() => [];

        public Task SetPhaseAsync(ActiveAiCall call, AiPhase phase)
        {
            _phases.Enqueue(phase);
            return phase == AiPhase.Thinking ? ThinkingShown : Task.CompletedTask;
        }

        public Task AddLineAsync(ActiveAiCall call, string text, TimeSpan start, TimeSpan end)
        {
            _lines.Enqueue(text);
            return Task.CompletedTask;
        }

        public Task ReportProblemAsync(string problem, CancellationToken cancellationToken = default)
        {
            _problems.Enqueue(problem);
            return Task.CompletedTask;
        }

        public Task<bool> Play(IAudioSource voice) => Task.Run(() =>
        {
            var block = new float[AudioFormat.Studio.BlockSamples];
            while (voice.Read(block) == block.Length)
            {
            }

            return true;
        });

        public void StopVoice()
        {
        }

        public void Background(Task task)
        {
        }
    }
}
