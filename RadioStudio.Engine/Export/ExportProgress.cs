namespace RadioStudio.Engine.Export;

/// <summary>Where a show's export is: what it is doing, how far (0–1, or null when it cannot say), and why it failed.</summary>
/// <param name="Phase">What the export is doing.</param>
/// <param name="Fraction">How far the master render is, 0–1; null outside it.</param>
/// <param name="Problem">Why the master was not rendered, when it was not.</param>
public sealed record ExportProgress(ExportPhase Phase, double? Fraction = null, string? Problem = null)
{
    /// <summary>True while work is under way.</summary>
    public bool Running => Phase is ExportPhase.WaitingForSummaries or ExportPhase.WritingTranscripts or ExportPhase.RenderingMaster or ExportPhase.CompressingStems;
}
