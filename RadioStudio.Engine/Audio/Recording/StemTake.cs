using System.Collections.Immutable;

namespace RadioStudio.Engine.Audio.Recording;

/// <summary>A finished take: every file holds exactly <see cref="Blocks"/> × 960 samples from <see cref="StartedBlockIndex"/> on.</summary>
/// <param name="Folder">The take folder (<c>&lt;yyyyMMdd-HHmmss&gt;-&lt;label&gt;</c>, UTC).</param>
/// <param name="StartedBlockIndex">The audio clock index of the take's first block (−1 if no block arrived).</param>
/// <param name="Blocks">Blocks in every file.</param>
/// <param name="Files">The files, in bus order; phone slots that were never active have none.</param>
/// <param name="Dropped">Blocks written as silence because the queue was full.</param>
/// <param name="Error">Null for a clean take; the disk error that ended a failed one.</param>
public sealed record StemTake(string Folder, long StartedBlockIndex, long Blocks, ImmutableArray<StemFile> Files, long Dropped, string? Error);
