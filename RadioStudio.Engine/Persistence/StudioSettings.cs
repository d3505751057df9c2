using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Persistence;

/// <summary>Studio settings the host changes from the console and expects to find again after a restart.</summary>
public sealed record StudioSettings(RespondMode RespondMode, bool AutoFollowUp)
{
    /// <summary>Settings of a brand-new studio.</summary>
    public static StudioSettings Defaults { get; } = new(RespondMode.Manual, AutoFollowUp: false);
}
