namespace RadioStudio.Engine.State;

/// <summary>The AI caller's turn phase, shown on the console; it always returns to <see cref="Listening"/>.</summary>
public enum AiPhase
{
    /// <summary>No AI caller on the line.</summary>
    Idle,

    /// <summary>On the line, waiting for its turn.</summary>
    Listening,

    /// <summary>Generating a reply.</summary>
    Thinking,

    /// <summary>Its voice is on air.</summary>
    Speaking,
}
