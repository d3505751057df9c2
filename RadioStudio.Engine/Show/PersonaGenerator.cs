using System.Collections.Immutable;
using RadioStudio.Engine.Speech;

namespace RadioStudio.Engine.Show;

/// <summary>
/// Draws the AI caller board from a <see cref="PersonaPool"/>: slots alternate gender (even slots female, odd male)
/// and walk through age bands (20s, 30s, 40s, 50s, 60s+) so ten slots cover every band for both genders.
/// Within a board no caller name, voice, job, town or reason repeats while the pools allow; voices are matched by
/// gender and reused only when the provider has too few. Pure: the same pool, inputs and seed give the same board.
/// </summary>
public sealed class PersonaGenerator
{
    private static readonly (int Min, int Max)[] AgeBands = [(20, 29), (30, 39), (40, 49), (50, 59), (60, 75)];

    private readonly PersonaPool _pool;

    /// <summary>Creates a generator over <paramref name="pool"/>.</summary>
    public PersonaGenerator(PersonaPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        _pool = pool;
    }

    /// <summary>Share of callers whose reason is a personal problem rather than a topic (default 0.7).</summary>
    public double ProblemShare { get; init; } = 0.7;

    /// <summary>The gender of board slot <paramref name="slot"/> (0-based): even female, odd male.</summary>
    public static VoiceGender GenderForSlot(int slot) => slot % 2 == 0 ? VoiceGender.Female : VoiceGender.Male;

    /// <summary>The age range of board slot <paramref name="slot"/> (0-based).</summary>
    public static (int Min, int Max) AgeBandForSlot(int slot) => AgeBands[slot % AgeBands.Length];

    /// <summary>Draws a whole board of <paramref name="slots"/> personas.</summary>
    /// <param name="slots">How many callers (the studio's board has 10).</param>
    /// <param name="voices">The TTS provider's voices; empty leaves <see cref="Persona.Voice"/> null.</param>
    /// <param name="excludedNames">Names not to use (regulars, callers of earlier shows), compared ignoring case.</param>
    /// <param name="random">The show's random source.</param>
    public IReadOnlyList<Persona> DrawBoard(int slots, IReadOnlyList<VoiceInfo> voices, IReadOnlySet<string> excludedNames, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slots);
        ArgumentNullException.ThrowIfNull(voices);
        ArgumentNullException.ThrowIfNull(excludedNames);
        ArgumentNullException.ThrowIfNull(random);
        var state = new BoardState(excludedNames, []);
        var board = new List<Persona>(slots);
        for (var slot = 0; slot < slots; slot++)
        {
            board.Add(DrawSlot(slot, voices, state, random));
        }

        return board;
    }

    /// <summary>
    /// Draws one replacement persona for <paramref name="slot"/> (its gender and age band) that avoids the names,
    /// voices, jobs, towns and reasons already on <paramref name="board"/> and the excluded names.
    /// </summary>
    public Persona Draw(int slot, IReadOnlyList<Persona> board, IReadOnlyList<VoiceInfo> voices, IReadOnlySet<string> excludedNames, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(voices);
        ArgumentNullException.ThrowIfNull(excludedNames);
        ArgumentNullException.ThrowIfNull(random);
        return DrawSlot(slot, voices, new BoardState(excludedNames, board), random);
    }

    private Persona DrawSlot(int slot, IReadOnlyList<VoiceInfo> voices, BoardState state, Random random)
    {
        var gender = GenderForSlot(slot);
        var (minAge, maxAge) = AgeBandForSlot(slot);
        var age = RandomPick.Between(random, minAge, maxAge);
        var job = DrawJob(age, state, random);
        age = Math.Clamp(age, job.MinAge, job.MaxAge);
        var name = state.DrawCallerName(_pool.NamesFor(gender), random);
        var isProblem = RandomPick.Chance(random, ProblemShare);
        var reason = RandomPick.Fresh(isProblem ? _pool.Problems : _pool.Topics, state.Reasons, random);
        var town = RandomPick.Fresh(_pool.Towns, state.Towns, random);
        state.Jobs.Add(job.Title);
        state.Towns.Add(town);
        state.Reasons.Add(reason);

        return new Persona
        {
            Name = name,
            Gender = gender,
            Age = age,
            Job = job.Title,
            Town = town,
            Reason = reason,
            IsProblem = isProblem,
            Interests = [.. RandomPick.Distinct(_pool.Interests, RandomPick.Between(random, 2, 4), random)],
            Quirks = [.. RandomPick.Distinct(_pool.Quirks, RandomPick.Between(random, 1, 2), random)],
            People = DrawPeople(state, random),
            VerbalHabits = [.. RandomPick.Distinct(_pool.VerbalHabits, RandomPick.Between(random, 1, 2), random)],
            EmotionalArc = RandomPick.One(_pool.EmotionalArcs, random),
            RelationshipToShow = RandomPick.One(_pool.RelationshipsToShow, random),
            Grounding =
            [
                $"drinking {RandomPick.One(_pool.Drinks, random)}",
                $"drives {RandomPick.One(_pool.Vehicles, random)}",
                RandomPick.One(_pool.TimesOfNight, random),
                RandomPick.One(_pool.Seasons, random),
            ],
            Voice = state.DrawVoice(voices, gender, random),
        };
    }

    private PersonaJob DrawJob(int age, BoardState state, Random random)
    {
        var fitting = _pool.Jobs.Where(j => j.MinAge <= age && age <= j.MaxAge).ToList();
        var fresh = fitting.Where(j => !state.Jobs.Contains(j.Title)).ToList();
        return RandomPick.One<PersonaJob>(fresh.Count > 0 ? fresh : fitting.Count > 0 ? fitting : _pool.Jobs, random);
    }

    private ImmutableArray<string> DrawPeople(BoardState state, Random random)
    {
        var relations = RandomPick.Distinct(_pool.Relations, RandomPick.Between(random, 1, 3), random);
        var people = ImmutableArray.CreateBuilder<string>(relations.Count);
        foreach (var relation in relations)
        {
            var gender = relation.Gender == VoiceGender.Neutral
                ? (RandomPick.Chance(random, 0.5) ? VoiceGender.Female : VoiceGender.Male)
                : relation.Gender;
            people.Add($"{state.DrawPersonName(_pool.NamesFor(gender), random)}, {relation.Label}");
        }

        return people.MoveToImmutable();
    }
}
