using Microsoft.Extensions.AI;
using RadioStudio.Engine.Llm;
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
            async token => CurrentTurn.IsCompleted && await ShouldRespondAsync(call, token).ConfigureAwait(false),
            () => StartTurn(trigger, endTimestamp, sttFinal),
            call.Token);
    }

    private void CancelAutoTurn() => Auto.SpeechStarted();

    /// <summary>The cheap yes/no decision: the utility model, bounded; on failure a rule (a question, or their name).</summary>
    internal async Task<bool> ShouldRespondAsync(ActiveAiCall call, CancellationToken cancellationToken)
    {
        var conversation = call.Conversation;
        if (conversation.Count == 0 || conversation[^1].Role == ConversationRole.AiCaller)
        {
            return false;
        }

        var last = conversation[^1].Text;
        var rule = last.Contains('?', StringComparison.Ordinal) || last.Contains(call.Persona.Name, StringComparison.OrdinalIgnoreCase);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            var lines = string.Join('\n', conversation.TakeLast(6).Select(m => $"{m.Speaker}: {m.Text}"));
            List<ChatMessage> messages =
            [
                new(ChatRole.System, $"You decide whether {call.Persona.Name}, a caller on a live radio call-in show, should speak now. " +
                    "Say yes if the host or another caller addressed them, asked them something, or paused for their reaction; " +
                    "say no if the host is talking to someone else or clearly not finished. Answer only yes or no."),
                new(ChatRole.User, lines),
            ];
            var options = new ChatOptions { MaxOutputTokens = 3, AdditionalProperties = new() { [LlmPurposes.PropertyKey] = LlmPurposes.ShouldRespond } };
            var response = await _llm.Utility.GetResponseAsync(messages, options, timeout.Token).ConfigureAwait(false);
            return response.Text.TrimStart().StartsWith("y", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            AiDirectorLog.ShouldRespondFailed(_logger, error.Message);
            return rule;
        }
    }
}
