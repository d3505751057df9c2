namespace RadioStudio.Engine.Export;

/// <summary>One timed piece of speech for the subtitle-like formats; cues never overlap and start in order.</summary>
public sealed record TimelineCue(TimeSpan Start, TimeSpan End, string Speaker, string Text);
