using System.Threading.Channels;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Media;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Show.Turns;

/// <summary>
/// One AI reply, start to end: the prompt, the model's stream split into sentences, each sentence voiced as soon as
/// it is complete and played through a <see cref="SpeechPlayout"/> (behind the phone-line filter when configured),
/// the first sentence on air while later ones are still being generated; each sentence written to the transcript as
/// soon as it has been heard; the fallback line when the model or the voice fails before anything aired. Everything
/// it touches in the studio goes through an <see cref="IReplyStage"/>.
/// </summary>
internal sealed class ReplyTurn(
    Func<IChatClient> dialogue, Func<ITextToSpeech> voice, AiCallerOptions options, StudioOptions studio, TimeProvider time, ILogger logger)
{
    /// <summary>Runs the reply for <paramref name="run"/>; never throws (a failure is the fallback line and the outcome).</summary>
    public async Task<ReplyResult> RunAsync(TurnRun run, IReplyStage stage)
    {
        var call = run.Call;
        var stamps = new TurnStamps(run.StartTimestamp, time);
        run.CancelAfter(TimeSpan.FromSeconds(options.TurnTimeoutSeconds), time);
        var playout = new SpeechPlayout();
        TimeSpan? spokenFrom = null;
        playout.FirstAudioOnAir += () =>
        {
            stamps.OnAir ??= stamps.Elapsed();
            spokenFrom = stage.ShowTime();
            if (!run.Token.IsCancellationRequested)
            {
                stage.Background(stage.SetPhaseAsync(call, AiPhase.Speaking));
            }
        };
        var firstPlayout = playout;
        var readAlong = ReadAlongAsync(call, playout, stage, () => spokenFrom);
        IAudioSource output = options.VoiceFilter is { } preset ? new PhoneLineFilter(playout, preset, call.Slot) : playout;
        Task<bool>? playing = null;
        var outcome = "spoken";
        try
        {
            // The board shows "thinking" (posted first, so it precedes "speaking"), but the model's request never
            // waits for the engine's round trip: it starts at once.
            var thinking = stage.SetPhaseAsync(call, AiPhase.Thinking);
            var sentences = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            using var pipeline = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
            var producer = ProduceSentencesAsync(call, stage, sentences.Writer, stamps, pipeline.Token);
            stage.Background(thinking);
            try
            {
                await foreach (var sentence in sentences.Reader.ReadAllAsync(run.Token).ConfigureAwait(false))
                {
                    playing = await SpeakAsync(call, sentence, playout, output, playing, stage, stamps, run.Token).ConfigureAwait(false);
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
            if (playing is null)
            {
                // The model answered with nothing a voice could say (empty, or only symbols): not dead air, the fallback.
                throw new InvalidOperationException("the reply had nothing to say aloud");
            }

            await playing.WaitAsync(run.Token).ConfigureAwait(false);
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
            var reason = run.TimedOut ? "timed out" : error.Message;
            AiDirectorLog.TurnFailed(logger, call.Persona.Name, reason);
            await stage.ReportProblemAsync($"{call.Persona.Name}'s reply failed ({reason}); said the fallback line.").ConfigureAwait(false);
            if (playout.SamplesPlayed == 0)
            {
                playout = await SpeakFallbackAsync(call, stage, output is PhoneLineFilter).ConfigureAwait(false);
            }
        }
        finally
        {
            playout.Complete();
            if (outcome is "cancelled" or "barged-in" && playing is { IsCompleted: false })
            {
                stage.StopVoice();
            }
        }

        firstPlayout.CloseReadAlong();
        await readAlong.ConfigureAwait(false);
        return new ReplyResult(playout, spokenFrom, stamps, outcome, FallbackSpoken: playout != firstPlayout);
    }

    /// <summary>Writes each sentence to the transcript as soon as it has been heard, in order; the part of a cut-off one last.</summary>
    private async Task ReadAlongAsync(ActiveAiCall call, SpeechPlayout playout, IReplyStage stage, Func<TimeSpan?> spokenFrom)
    {
        TimeSpan? from = null;
        await foreach (var sentence in playout.HeardSentences.ReadAllAsync().ConfigureAwait(false))
        {
            var end = stage.ShowTime();
            var start = from ?? spokenFrom() ?? end;
            from = end;
            if (call.Ended)
            {
                continue;
            }

            try
            {
                await stage.AddLineAsync(call, sentence, start, end).ConfigureAwait(false);
            }
            catch (Exception error) when (error is StudioCommandException or OperationCanceledException)
            {
                AiDirectorLog.TurnNotRecorded(logger, call.Persona.Name, error.Message);
            }
        }
    }

    private async Task ProduceSentencesAsync(ActiveAiCall call, IReplyStage stage, ChannelWriter<string> writer, TurnStamps stamps, CancellationToken cancellationToken)
    {
        try
        {
            var messages = TurnPrompt.Build(call, stage.EarlierCalls(), studio, options);
            var chatOptions = new ChatOptions { MaxOutputTokens = 220 };
            var splitter = new SentenceSplitter();
            var cutOff = false;
            var fellBack = false;
            await foreach (var update in dialogue().GetStreamingResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false))
            {
                cutOff |= update.FinishReason == ChatFinishReason.Length;
                if (!fellBack && update.AdditionalProperties?.TryGetValue(FallbackChatClient.LinkIndexProperty, out var link) == true && link is > 0)
                {
                    // The model in force failed (an error, or an answer that was not a reply): say so under the board.
                    fellBack = true;
                    await stage.ReportProblemAsync($"The language model failed; {call.Persona.Name} answered from a fallback (details in the event log).", cancellationToken).ConfigureAwait(false);
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
        ActiveAiCall call, string sentence, SpeechPlayout playout, IAudioSource output, Task<bool>? playing, IReplyStage stage, TurnStamps stamps,
        CancellationToken cancellationToken)
    {
        var speech = new Speech.TextToSpeechOptions(call.Persona.Voice);
        await foreach (var chunk in voice().SynthesizeStreamingAsync(sentence, speech, cancellationToken).ConfigureAwait(false))
        {
            stamps.TextToSpeechFirstAudio ??= stamps.Elapsed();
            playout.Append(chunk.Samples.Span, chunk.SampleRate);
            if (playing is null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                playing = stage.Play(output);
            }
        }

        playout.EndSentence(sentence);
        return playing;
    }

    private async Task<SpeechPlayout> SpeakFallbackAsync(ActiveAiCall call, IReplyStage stage, bool filtered)
    {
        var playout = new SpeechPlayout();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(call.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            IAudioSource output = filtered && options.VoiceFilter is { } preset ? new PhoneLineFilter(playout, preset, call.Slot) : playout;
            var stamps = new TurnStamps(time.GetTimestamp(), time);
            var playing = await SpeakAsync(call, options.FallbackLine, playout, output, null, stage, stamps, timeout.Token).ConfigureAwait(false);
            playout.Complete();
            if (playing is not null)
            {
                await playing.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Even the fallback voice failed: the line stays in the transcript only as far as it was heard.
            AiDirectorLog.FallbackFailed(logger, call.Persona.Name, error.Message);
        }

        return playout;
    }
}
