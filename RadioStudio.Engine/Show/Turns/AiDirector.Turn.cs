using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Show.Turns;

public sealed partial class AiDirector
{
    /// <summary>Auto mode's debounce and cooldown.</summary>
    internal AutoResponder Auto { get; }

    /// <summary>
    /// Someone finished a turn: in auto mode the AI may jump in (debounce, cooldown, should-respond); in manual mode
    /// a one-to-one call (no phone caller on air) answers the host at once, when configured.
    /// </summary>
    private void OnTurnEnded(TurnTrigger trigger, long endTimestamp, TimeSpan? sttFinal, bool byHost)
    {
        if (Call is not { Ended: false } call)
        {
            return;
        }

        var state = _engine.Current;
        if (state.RespondMode != RespondMode.Auto)
        {
            if (byHost && _options.ManualRepliesOneToOne && !state.Lines.Any(l => l.IsOnAir))
            {
                StartTurn(trigger, endTimestamp, sttFinal);
            }

            return;
        }

        Auto.TurnEnded(
            async token => CurrentTurn.IsCompleted && await _shouldRespond.DecideAsync(call, token).ConfigureAwait(false),
            () => StartTurn(trigger, endTimestamp, sttFinal),
            call.Token);
    }

    private void CancelAutoTurn() => Auto.SpeechStarted();

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
            AiDirectorLog.TurnBusy(_logger, call.Persona.Name);
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
        var reply = await _reply.RunAsync(run, _stage).ConfigureAwait(false);
        await FinishTurnAsync(run, reply).ConfigureAwait(false);
    }

    private async Task FinishTurnAsync(TurnRun run, ReplyResult reply)
    {
        var call = run.Call;
        var (playout, spokenFrom, stamps, outcome, transcribe) = reply;
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
            AiDirectorLog.TurnFinished(_logger, call.Persona.Name, latency);

            Auto.AiTurnEnded();
            await _engine.UpdateAiAsync(
                s => s with { LastTurn = latency, Phase = Call == call ? AiPhase.Listening : s.Phase },
                board => Call == call ? CallerBoard.SetSlotStatus(board, call.Slot, AiCallerStatus.Listening) : board).ConfigureAwait(false);
        }
        catch (Exception error) when (error is Studio.StudioCommandException or OperationCanceledException)
        {
            AiDirectorLog.TurnNotRecorded(_logger, call.Persona.Name, error.Message);
        }
        finally
        {
            run.Dispose();
        }
    }

    private static string TriggerName(TurnTrigger trigger) => trigger switch
    {
        TurnTrigger.Speech => "speech",
        TurnTrigger.Typed => "typed",
        _ => "let-them-respond",
    };
}
