namespace RadioStudio.Engine.Show;

/// <summary>A job in the persona pool with the ages at which someone plausibly has it.</summary>
/// <param name="Title">"night nurse".</param>
/// <param name="MinAge">Youngest plausible age.</param>
/// <param name="MaxAge">Oldest plausible age.</param>
public sealed record PersonaJob(string Title, int MinAge, int MaxAge);
