using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Llm;

namespace RadioStudio.Engine.Show.Turns;

/// <summary>
/// Auto mode's cheap yes/no before a reply: should the AI caller speak now? The utility model answers, bounded to
/// three seconds; when it fails, a rule does (the last line was a question, or named them).
/// </summary>
internal sealed class ShouldRespondDecision(ILlmClients llm, ILogger logger)
{
    /// <summary>True when the AI caller should answer the conversation's last line.</summary>
    public async Task<bool> DecideAsync(ActiveAiCall call, CancellationToken cancellationToken)
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
            var response = await llm.Utility.GetResponseAsync(messages, options, timeout.Token).ConfigureAwait(false);
            return response.Text.TrimStart().StartsWith("y", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            AiDirectorLog.ShouldRespondFailed(logger, error.Message);
            return rule;
        }
    }
}
