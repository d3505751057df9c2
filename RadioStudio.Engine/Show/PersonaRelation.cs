using RadioStudio.Engine.Speech;

namespace RadioStudio.Engine.Show;

/// <summary>A person in a caller's life ("my sister"), named from the name pool of <paramref name="Gender"/>.</summary>
/// <param name="Label">How the caller refers to them: "my sister".</param>
/// <param name="Gender"><see cref="VoiceGender.Neutral"/> ("Any" in the file) draws from either name pool.</param>
public sealed record PersonaRelation(string Label, VoiceGender Gender);
