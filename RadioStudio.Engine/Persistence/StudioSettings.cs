using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Providers;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Persistence;

/// <summary>Studio settings the host changes from the console and expects to find again after a restart.</summary>
/// <param name="RespondMode">Manual or auto AI respond mode.</param>
/// <param name="AutoFollowUp">AI follow-ups after a call.</param>
/// <param name="Routing">The saved channel routing, or null when the host never changed it (the configured default applies).</param>
/// <param name="AiProviders">The saved AI provider choices, or null when the host never chose (appsettings.json applies).</param>
public sealed record StudioSettings(RespondMode RespondMode, bool AutoFollowUp, RoutingTable? Routing = null, AiProviderChoices? AiProviders = null)
{
    /// <summary>Settings of a brand-new studio.</summary>
    public static StudioSettings Defaults { get; } = new(RespondMode.Manual, AutoFollowUp: false);
}
