namespace RadioStudio.Engine.Show.Memory;

/// <summary>A returning AI caller: their persona (name, gender, age, job, town, traits, voice) and when last heard.</summary>
/// <param name="Id">Regular id (call records point to it).</param>
/// <param name="Persona">Who they are, as first drawn.</param>
/// <param name="Created">When they became a regular.</param>
/// <param name="LastHeard">When they were last on the air.</param>
/// <param name="Retired">When they were retired (the cap was reached), or null while active.</param>
public sealed record Regular(string Id, Persona Persona, DateTimeOffset Created, DateTimeOffset LastHeard, DateTimeOffset? Retired);
