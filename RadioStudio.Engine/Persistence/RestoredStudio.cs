using System.Collections.Immutable;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Persistence;

/// <summary>What the studio finds in its database at start: the latest show, its transcript and the settings.</summary>
/// <param name="Show">The latest show, live or not.</param>
/// <param name="Transcript">Its transcript.</param>
/// <param name="Settings">The saved settings.</param>
/// <param name="Source">The database file.</param>
/// <param name="ShowAliveAt">The last moment the studio was known running the (live) show; null when never marked.</param>
public sealed record RestoredStudio(ShowInfo? Show, ImmutableList<TranscriptEntry> Transcript, StudioSettings Settings, string Source, DateTimeOffset? ShowAliveAt = null);
