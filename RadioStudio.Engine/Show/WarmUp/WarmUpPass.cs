namespace RadioStudio.Engine.Show.WarmUp;

/// <summary>One finished warm-up pass: why it ran, how long it took and which steps could not be warmed (and why).</summary>
public sealed record WarmUpPass(string Reason, TimeSpan Took, IReadOnlyList<string> Failed);
