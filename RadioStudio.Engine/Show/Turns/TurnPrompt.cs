using Microsoft.Extensions.AI;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Show.Turns;

/// <summary>One turn's prompt: the call, the show so far (from the stored call records) and the host's mood.</summary>
internal static class TurnPrompt
{
    public static IList<ChatMessage> Build(ActiveAiCall call, IReadOnlyList<EarlierCall> earlier, StudioOptions studio, AiCallerOptions options)
    {
        var conversation = call.Conversation;
        var hostTurns = conversation.Where(m => m.Role == ConversationRole.Host).TakeLast(5).Select(m => m.Text).ToList();
        return CallerPromptBuilder.Build(new CallerPromptContext(
            call.Persona, studio.ShowTitle, studio.HostName, earlier, call.Reaction, HostMood.Read(hostTurns), conversation, options.MessageWindow));
    }
}
