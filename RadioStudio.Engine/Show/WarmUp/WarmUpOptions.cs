namespace RadioStudio.Engine.Show.WarmUp;

/// <summary>
/// Warming the AI turn path (section <c>WarmUp</c>): once when the studio starts and again whenever an AI caller
/// is put on a line, so the show's first AI turn is as quick as the later ones.
/// </summary>
public sealed class WarmUpOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "WarmUp";

    /// <summary>Warm the turn path at start and on put-on-line (default true).</summary>
    public bool Enabled { get; set; } = true;
}
