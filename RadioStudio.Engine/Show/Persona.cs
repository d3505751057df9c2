using System.Collections.Immutable;
using RadioStudio.Engine.Speech;

namespace RadioStudio.Engine.Show;

/// <summary>
/// An AI caller's background, drawn per show from the pools in the persona data files (and, when an LLM
/// is configured, fleshed out by it ahead of pickup). Everything the prompt needs to sound like one person.
/// </summary>
public sealed record Persona
{
    public required string Name { get; init; }
    public required VoiceGender Gender { get; init; }
    public required int Age { get; init; }
    public required string Job { get; init; }
    public required string Town { get; init; }

    /// <summary>Why they call: a personal problem (~70 %) or a topic they want to talk about.</summary>
    public required string Reason { get; init; }

    /// <summary>True when <see cref="Reason"/> is a personal problem rather than a topic.</summary>
    public bool IsProblem { get; init; }

    public ImmutableArray<string> Interests { get; init; } = [];
    public ImmutableArray<string> Quirks { get; init; } = [];

    /// <summary>People in their life, by name and relation ("Dana, my sister").</summary>
    public ImmutableArray<string> People { get; init; } = [];

    public ImmutableArray<string> VerbalHabits { get; init; } = [];
    public string EmotionalArc { get; init; } = "";
    public string RelationshipToShow { get; init; } = "";

    /// <summary>Small grounding details: what they drink, drive, the time of night, the season.</summary>
    public ImmutableArray<string> Grounding { get; init; } = [];

    /// <summary>A short backstory detail an LLM added ahead of pickup; empty when the pool persona is used as drawn.</summary>
    public string Backstory { get; init; } = "";

    /// <summary>The TTS voice id drawn for this caller.</summary>
    public string? Voice { get; init; }

    /// <summary>The regular this persona is (a returning caller), or null for a caller drawn for this show.</summary>
    public string? RegularId { get; init; }

    /// <summary>A regular's earlier calls to the show, oldest first, one summary each.</summary>
    public ImmutableArray<string> PastCalls { get; init; } = [];

    /// <summary>One line for the board: "34, night nurse, Tulsa".</summary>
    public string Summary => $"{Age}, {Job}, {Town}";
}
