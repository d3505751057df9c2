namespace RadioStudio.Engine.State;

/// <summary>What an AI caller slot is doing right now.</summary>
public enum AiCallerStatus
{
    Empty,
    Preparing,
    Ready,
    OnAir,
    Listening,
    Thinking,
    Speaking,
}
