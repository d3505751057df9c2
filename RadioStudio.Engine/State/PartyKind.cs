namespace RadioStudio.Engine.State;

/// <summary>Who a transcript line belongs to; drives labels and colours on every page.</summary>
public enum PartyKind
{
    Host,
    Phone,
    Ai,
    System,
}
