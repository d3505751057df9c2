namespace RadioStudio.Engine.Show;

/// <summary>What the host's recent turns suggest, in <see cref="HostMood"/>'s priority order.</summary>
public enum HostMoodSignal
{
    /// <summary>Pushback phrases: defend the point or concede it specifically.</summary>
    Pushback,

    /// <summary>Many questions: answer directly.</summary>
    Questions,

    /// <summary>Short replies (average under 8 words): get to the point.</summary>
    ShortReplies,

    /// <summary>Playful phrases or laughter: joke back.</summary>
    Playful,

    /// <summary>Supportive phrases: go deeper.</summary>
    Supportive,
}
