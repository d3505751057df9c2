namespace RadioStudio.Engine.Show;

/// <summary>A call earlier in this show, for the prompt's EARLIER IN THE SHOW section.</summary>
/// <param name="Name">Caller name (or number).</param>
/// <param name="IsAi">True for AI callers, false for real phone callers.</param>
/// <param name="Summary">One or two sentences.</param>
public sealed record EarlierCall(string Name, bool IsAi, string Summary);
