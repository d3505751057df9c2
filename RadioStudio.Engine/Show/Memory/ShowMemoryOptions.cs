using System.ComponentModel.DataAnnotations;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>Show memory: summaries, follow-up callers and AI regulars (section <c>ShowMemory</c>).</summary>
public sealed class ShowMemoryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ShowMemory";

    /// <summary>How long the summary model may take before the extractive summary is used.</summary>
    [Range(1, 300)]
    public int SummaryTimeoutSeconds { get; set; } = 20;

    /// <summary>How long after a call ends its summary waits for the last transcribed lines to land.</summary>
    [Range(0, 60)]
    public double SummarySettleSeconds { get; set; } = 2;

    /// <summary>In auto follow-up mode, how long the host sees who is coming before they go on the line.</summary>
    [Range(0, 120)]
    public double FollowUpDelaySeconds { get; set; } = 8;

    /// <summary>At most this many AI regulars are kept; the least recently heard is retired.</summary>
    [Range(1, 100)]
    public int MaxRegulars { get; set; } = 12;

    /// <summary>Chance that a long AI call (see <see cref="AutoRegularMinExchanges"/>) makes the caller a regular.</summary>
    [Range(0.0, 1.0)]
    public double AutoRegularChance { get; set; } = 0.07;

    /// <summary>An AI call needs at least this many exchanges (caller replies) to be promoted automatically.</summary>
    [Range(1, 100)]
    public int AutoRegularMinExchanges { get; set; } = 6;

    /// <summary>Fewest board slots a new show gives to regulars (when that many exist).</summary>
    [Range(0, 10)]
    public int RegularSlotsMin { get; set; } = 2;

    /// <summary>Most board slots a new show gives to regulars.</summary>
    [Range(0, 10)]
    public int RegularSlotsMax { get; set; } = 3;
}
