namespace RadioStudio.Engine.State;

/// <summary>When an AI caller speaks: only when the host says so, or on its own after a turn ends.</summary>
public enum RespondMode
{
    Manual,
    Auto,
}
