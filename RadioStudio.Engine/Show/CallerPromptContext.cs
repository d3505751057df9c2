namespace RadioStudio.Engine.Show;

/// <summary>Everything one AI caller turn's prompt is built from.</summary>
/// <param name="Persona">Who is calling.</param>
/// <param name="ShowName">The show's name.</param>
/// <param name="HostName">How the caller refers to the host.</param>
/// <param name="EarlierCalls">Calls earlier in this show, oldest first.</param>
/// <param name="Reaction">The reaction decided once for this call by <see cref="CallReaction.Choose"/>, or null.</param>
/// <param name="MoodSignals">Prompt lines from <see cref="HostMood.Read"/>.</param>
/// <param name="Conversation">This call's conversation so far, oldest first (only what was heard on air).</param>
/// <param name="WindowSize">How many of the latest messages go to the LLM.</param>
public sealed record CallerPromptContext(
    Persona Persona,
    string ShowName,
    string HostName,
    IReadOnlyList<EarlierCall> EarlierCalls,
    CallReaction? Reaction,
    IReadOnlyList<string> MoodSignals,
    IReadOnlyList<ConversationMessage> Conversation,
    int WindowSize = CallerPromptContext.DefaultWindowSize)
{
    /// <summary>The default conversation window (10 messages).</summary>
    public const int DefaultWindowSize = 10;
}
