namespace RadioStudio.Engine.Persistence;

/// <summary>Keys of the settings table.</summary>
internal static class SettingKeys
{
    public const string RespondMode = "ai.respondMode";
    public const string AutoFollowUp = "ai.autoFollowUp";
    public const string Routing = "audio.routing";
    public const string AiProviders = "ai.providers";
}
