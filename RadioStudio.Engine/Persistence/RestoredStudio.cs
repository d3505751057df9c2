using System.Collections.Immutable;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Persistence;

/// <summary>What the studio finds in its database at start: the latest show, its transcript and the settings.</summary>
public sealed record RestoredStudio(ShowInfo? Show, ImmutableList<TranscriptEntry> Transcript, StudioSettings Settings, string Source);
