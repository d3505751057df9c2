namespace RadioStudio.Engine.State;

/// <summary>The lifecycle of a phone caller, in the order a call moves through it.</summary>
public enum LineStatus
{
    Ringing,
    Holding,
    Screened,
    Next,
    OnAir,
    Locked,
    Ended,
}
