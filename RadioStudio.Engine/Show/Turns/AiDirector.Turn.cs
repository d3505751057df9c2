using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.AI;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Media;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Show.Turns;

public sealed partial class AiDirector
{
    /// <summary>The turn in flight, if any (tests and the bench wait on it).</summary>
    internal Task CurrentTurn => Volatile.Read(ref _turn)?.Completion ?? Task.CompletedTask;

    private void StartTurn(TurnTrigger trigger, long startTimestamp, TimeSpan? sttFinal)
    {
        if (Call is not { Ended: false } call)
        {
            return;
        }

        var previous = Volatile.Read(ref _turn);
        if (previous is { Completion.IsCompleted: false })
        {
            Log.TurnBusy(_logger, call.Persona.Name);
            return;
        }

        var run = new TurnRun(call, trigger, startTimestamp, sttFinal);
        if (Interlocked.CompareExchange(ref _turn, run, previous) != previous)
        {
            run.Dispose();
            return;
        }

        run.Completion = Task.Run(() => RunTurnAsync(run));
    }

    private async Task RunTurnAsync(TurnRun run)
    {
        var call = run.Call;
        var stamps = new TurnStamps(run.StartTimestamp, _time);
        run.CancelAfter(TimeSpan.FromSeconds(_options.TurnTimeoutSeconds), _time);
        var playout = new SpeechPlayout();
        TimeSpan? spokenFrom = null;
        playout.FirstAudioOnAir += () =>
        {
            stamps.OnAir ??= stamps.Elapsed();
            spokenFrom = ShowTime();
            if (!run.Token.IsCancellationRequested)
            {
                Background(SetPhaseAsync(call, AiPhase.Speaking));
            }
        };
        var firstPlayout = playout;
        var readAlong = ReadAlongAsync(call, playout, () => spokenFrom);
        IAudioSource voice = _options.VoiceFilter is { } preset ? new PhoneLineFilter(playout, preset, call.Slot) : playout;
        Task<bool>? playing = null;
        var outcome = "spoken";
        try
        {
            await SetPhaseAsync(call, AiPhase.Thinking).ConfigureAwait(false);
            var sentences = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            using var pipeline = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
            var producer = ProduceSentencesAsync(call, sentences.Writer, stamps, pipeline.Token);
            try
            {
                await foreach (var sentence in sentences.Reader.ReadAllAsync(run.Token).ConfigureAwait(false))
                {
                    playing = await SpeakAsync(call, sentence, playout, voice, playing, stamps, run.Token).ConfigureAwait(false);
                }
            }
            catch
            {
                // A failed voice stops the model too, so waiting for the producer below never waits on it.
                await pipeline.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                // Observe the producer whatever happened to the consumer (its failure is the interesting one).
                await producer.ConfigureAwait(false);
            }

            playout.Complete();
            if (playing is not null)
            {
                await playing.WaitAsync(run.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (run.BargedIn)
        {
            outcome = "barged-in";
        }
        catch (OperationCanceledException) when (call.Ended)
        {
            outcome = "cancelled";
        }
        catch (Exception error) when (!call.Ended)
        {
            outcome = playout.SamplesPlayed > 0 ? "failed" : "fallback";
            Log.TurnFailed(_logger, call.Persona.Name, run.TimedOut ? "timed out" : error.Message);
            await _engine.UpdateAiAsync(s => s with { Problem = $"{call.Persona.Name}'s reply failed ({(run.TimedOut ? "timed out" : error.Message)}); said the fallback line." }).ConfigureAwait(false);
            if (playout.SamplesPlayed == 0)
            {
                playout = await SpeakFallbackAsync(call, voice is PhoneLineFilter).ConfigureAwait(false);
            }
        }
        finally
        {
            playout.Complete();
            if (outcome is "cancelled" or "barged-in" && playing is { IsCompleted: false })
            {
                _graph.AiVoice.Stop();
            }
        }

        firstPlayout.CloseReadAlong();
        await readAlong.ConfigureAwait(false);
        await FinishTurnAsync(run, playout, spokenFrom, stamps, outcome, transcribe: playout != firstPlayout).ConfigureAwait(false);
    }

    /// <summary>Writes each sentence to the transcript as soon as it has been heard, in order; the part of a cut-off one last.</summary>
    private async Task ReadAlongAsync(ActiveAiCall call, SpeechPlayout playout, Func<TimeSpan?> spokenFrom)
    {
        TimeSpan? from = null;
        await foreach (var sentence in playout.HeardSentences.ReadAllAsync().ConfigureAwait(false))
        {
            var end = ShowTime();
            var start = from ?? spokenFrom() ?? end;
            from = end;
            if (call.Ended)
            {
                continue;
            }

            try
            {
                await _engine.AddTranscriptEntryAsync(call.Persona.Name, PartyKind.Ai, sentence, start, end).ConfigureAwait(false);
            }
            catch (Exception error) when (error is Studio.StudioCommandException or OperationCanceledException)
            {
                Log.TurnNotRecorded(_logger, call.Persona.Name, error.Message);
            }
        }
    }

    private async Task ProduceSentencesAsync(ActiveAiCall call, ChannelWriter<string> writer, TurnStamps stamps, CancellationToken cancellationToken)
    {
        try
        {
            var messages = TurnPrompt.Build(call, _memory.EarlierCalls(), _studio, _options);
            var options = new ChatOptions { MaxOutputTokens = 220 };
            var splitter = new SentenceSplitter();
            var cutOff = false;
            var fellBack = false;
            await foreach (var update in _llm.Dialogue.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                cutOff |= update.FinishReason == ChatFinishReason.Length;
                if (!fellBack && update.AdditionalProperties?.TryGetValue(FallbackChatClient.LinkIndexProperty, out var link) == true && link is > 0)
                {
                    // The model in force failed (an error, or an answer that was not a reply): say so under the board.
                    fellBack = true;
                    await _engine.UpdateAiAsync(s => s with { Problem = $"The language model failed; {call.Persona.Name} answered from a fallback (details in the event log)." }, cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                var text = update.Text;
                if (string.IsNullOrEmpty(text))
                {
                    continue;
                }

                stamps.LlmFirstToken ??= stamps.Elapsed();
                foreach (var sentence in splitter.Append(text))
                {
                    Emit(sentence);
                }
            }

            var rest = ThoughtTrimmer.Trim(splitter.Flush(), cutOff);
            Emit(rest);
            writer.TryComplete();
        }
        catch (Exception error)
        {
            writer.TryComplete(error);
            if (error is not OperationCanceledException)
            {
                throw;
            }
        }

        void Emit(string sentence)
        {
            var clean = ReplyCleaner.Clean(sentence);
            if (clean.Length > 0)
            {
                stamps.FirstSentence ??= stamps.Elapsed();
                writer.TryWrite(clean);
            }
        }
    }

    private async Task<Task<bool>?> SpeakAsync(
        ActiveAiCall call, string sentence, SpeechPlayout playout, IAudioSource voice, Task<bool>? playing, TurnStamps stamps, CancellationToken cancellationToken)
    {
        var options = new Speech.TextToSpeechOptions(call.Persona.Voice);
        await foreach (var chunk in _speech.TextToSpeech.SynthesizeStreamingAsync(sentence, options, cancellationToken).ConfigureAwait(false))
        {
            stamps.TextToSpeechFirstAudio ??= stamps.Elapsed();
            playout.Append(chunk.Samples.Span, chunk.SampleRate);
            if (playing is null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                playing = _graph.AiVoice.Play(voice);
            }
        }

        playout.EndSentence(sentence);
        return playing;
    }

    private async Task<SpeechPlayout> SpeakFallbackAsync(ActiveAiCall call, bool filtered)
    {
        var playout = new SpeechPlayout();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(call.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            IAudioSource voice = filtered && _options.VoiceFilter is { } preset ? new PhoneLineFilter(playout, preset, call.Slot) : playout;
            var playing = await SpeakAsync(call, _options.FallbackLine, playout, voice, null, new TurnStamps(_time.GetTimestamp(), _time), timeout.Token).ConfigureAwait(false);
            playout.Complete();
            if (playing is not null)
            {
                await playing.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Even the fallback voice failed: the line stays in the transcript only as far as it was heard.
            Log.FallbackFailed(_logger, call.Persona.Name, error.Message);
        }

        return playout;
    }

    private async Task FinishTurnAsync(TurnRun run, SpeechPlayout playout, TimeSpan? spokenFrom, TurnStamps stamps, string outcome, bool transcribe)
    {
        var call = run.Call;
        try
        {
            var heard = playout.HeardText();
            if (!call.Ended && heard.Length > 0)
            {
                call.Add(new ConversationMessage(ConversationRole.AiCaller, call.Persona.Name, heard));
                if (transcribe)
                {
                    // The fallback line (the reply's own sentences went in as they were heard).
                    var end = ShowTime();
                    await _engine.AddTranscriptEntryAsync(call.Persona.Name, PartyKind.Ai, heard, spokenFrom ?? end, end).ConfigureAwait(false);
                }
            }

            var latency = new TurnLatency(
                TriggerName(run.Trigger), run.SpeechToTextFinal, stamps.LlmFirstToken, stamps.FirstSentence, stamps.TextToSpeechFirstAudio, stamps.OnAir, outcome);
            Log.TurnFinished(_logger, call.Persona.Name, latency);

            Auto.AiTurnEnded();
            await _engine.UpdateAiAsync(
                s => s with { LastTurn = latency, Phase = Call == call ? AiPhase.Listening : s.Phase },
                board => Call == call ? CallerBoard.SetSlotStatus(board, call.Slot, AiCallerStatus.Listening) : board).ConfigureAwait(false);
        }
        catch (Exception error) when (error is Studio.StudioCommandException or OperationCanceledException)
        {
            Log.TurnNotRecorded(_logger, call.Persona.Name, error.Message);
        }
        finally
        {
            run.Dispose();
        }
    }

    private Task SetPhaseAsync(ActiveAiCall call, AiPhase phase)
    {
        if (Call != call)
        {
            return Task.CompletedTask;
        }

        var status = phase switch
        {
            AiPhase.Thinking => AiCallerStatus.Thinking,
            AiPhase.Speaking => AiCallerStatus.Speaking,
            _ => AiCallerStatus.Listening,
        };
        return _engine.UpdateAiAsync(
            s => Call == call ? s with { Phase = phase } : s,
            board => Call == call ? CallerBoard.SetSlotStatus(board, call.Slot, status) : board);
    }

    private static string TriggerName(TurnTrigger trigger) => trigger switch
    {
        TurnTrigger.Speech => "speech",
        TurnTrigger.Typed => "typed",
        _ => "let-them-respond",
    };

    /// <summary>Milestones of one turn, measured from its start.</summary>
    private sealed class TurnStamps(long start, TimeProvider time)
    {
        public TimeSpan? LlmFirstToken { get; set; }

        public TimeSpan? FirstSentence { get; set; }

        public TimeSpan? TextToSpeechFirstAudio { get; set; }

        public TimeSpan? OnAir { get; set; }

        public TimeSpan Elapsed() => time.GetElapsedTime(start);
    }
}
