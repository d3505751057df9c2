namespace RadioStudio.Engine.Show.Turns;

/// <summary>What started an AI turn.</summary>
public enum TurnTrigger
{
    /// <summary>Someone finished speaking (auto mode).</summary>
    Speech,

    /// <summary>The host typed a line (auto mode).</summary>
    Typed,

    /// <summary>The host pressed "Let them respond".</summary>
    LetThemRespond,
}
