namespace RadioStudio.Engine.Show;

/// <summary>Who spoke a <see cref="ConversationMessage"/>.</summary>
public enum ConversationRole
{
    /// <summary>The host (typed or spoken).</summary>
    Host,

    /// <summary>A real phone caller on air (three-way).</summary>
    PhoneCaller,

    /// <summary>The AI caller the prompt is for.</summary>
    AiCaller,
}
