using Microsoft.Extensions.AI;
using RadioStudio.Engine.Llm;

namespace RadioStudio.Engine.Show.Turns;

public sealed partial class AiDirector
{
    private IList<ChatMessage> BuildPrompt(ActiveAiCall call)
    {
        var conversation = call.Conversation;
        var hostTurns = conversation.Where(m => m.Role == ConversationRole.Host).TakeLast(5).Select(m => m.Text).ToList();
        IReadOnlyList<EarlierCall> earlier;
        lock (_earlier)
        {
            earlier = [.. _earlier];
        }

        return CallerPromptBuilder.Build(new CallerPromptContext(
            call.Persona, _studio.ShowTitle, _studio.HostName, earlier, call.Reaction, HostMood.Read(hostTurns), conversation, _options.MessageWindow));
    }

    /// <summary>After a call ends (in the background; the hang-up has already returned): one or two sentences for later prompts.</summary>
    private async Task SummariseAsync(string name, bool isAi, IReadOnlyList<ConversationMessage> conversation)
    {
        if (conversation.Count == 0)
        {
            return;
        }

        var transcript = string.Join('\n', conversation.Select(m => $"{m.Speaker}: {m.Text}"));
        string summary;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            List<ChatMessage> messages =
            [
                new(ChatRole.System, $"Summarise this radio call with {name} in one or two short sentences: who they are, what they talked about, how it ended."),
                new(ChatRole.User, transcript),
            ];
            var options = new ChatOptions { MaxOutputTokens = 80, AdditionalProperties = new() { [LlmPurposes.PropertyKey] = LlmPurposes.Summary } };
            var response = await _llm.Utility.GetResponseAsync(messages, options, timeout.Token).ConfigureAwait(false);
            summary = ReplyCleaner.Clean(response.Text);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            Log.SummaryFailed(_logger, name, error.Message);
            summary = "";
        }

        if (summary.Length == 0)
        {
            var first = conversation.FirstOrDefault(m => m.Speaker == name)?.Text ?? conversation[0].Text;
            summary = first.Length > 140 ? first[..140] + "…" : first;
        }

        lock (_earlier)
        {
            _earlier.Add(new EarlierCall(name, isAi, summary));
        }

        Log.Summarised(_logger, name, summary);
    }

    private Task SummariseAsync(ActiveAiCall call) => Task.Run(() => SummariseAsync(call.Persona.Name, true, call.Conversation));
}
