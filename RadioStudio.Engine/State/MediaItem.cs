namespace RadioStudio.Engine.State;

/// <summary>A track, effect or ad the console can play.</summary>
/// <param name="Id">Stable id (relative path, or the built-in sound's name).</param>
/// <param name="Title">What the console shows.</param>
/// <param name="Duration">Length when known.</param>
/// <param name="Key">Cart hotkey (effects only), or null.</param>
public sealed record MediaItem(string Id, string Title, TimeSpan? Duration = null, string? Key = null);
