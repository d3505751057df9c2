using RadioStudio.Engine.State;

namespace RadioStudio.Web.Components.Shared;

/// <summary>One colour and label per party, the same on every page.</summary>
public static class PartyStyle
{
    /// <summary>Lower-case party name used in CSS classes and data-kind attributes.</summary>
    public static string Key(PartyKind kind) => kind switch
    {
        PartyKind.Host => "host",
        PartyKind.Phone => "phone",
        PartyKind.Ai => "ai",
        _ => "system",
    };

    /// <summary>Human label for legends.</summary>
    public static string Label(PartyKind kind) => kind switch
    {
        PartyKind.Host => "Host",
        PartyKind.Phone => "Phone caller",
        PartyKind.Ai => "AI caller",
        _ => "System",
    };
}
