using System.Collections.Immutable;
using System.Text.Json;
using RadioStudio.Engine.Speech;

namespace RadioStudio.Engine.Show;

/// <summary>
/// The pools AI caller personas are drawn from, loaded from a locale's data file
/// (<c>Show/Data/personas.en-US.json</c>): names, towns, jobs, reasons to call and the small details.
/// Every pool must be present and non-empty; the error names the file and the pool.
/// </summary>
public sealed class PersonaPool
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private PersonaPool()
    {
    }

    /// <summary>The locale the file declares ("en-US").</summary>
    public string Locale { get; private init; } = "";

    /// <summary>First names for women.</summary>
    public ImmutableArray<string> FemaleNames { get; private init; } = [];

    /// <summary>First names for men.</summary>
    public ImmutableArray<string> MaleNames { get; private init; } = [];

    /// <summary>Towns in the show's region.</summary>
    public ImmutableArray<string> Towns { get; private init; } = [];

    /// <summary>Jobs with plausible age ranges.</summary>
    public ImmutableArray<PersonaJob> Jobs { get; private init; } = [];

    /// <summary>Personal problems (a caller's reason ~70 % of the time).</summary>
    public ImmutableArray<string> Problems { get; private init; } = [];

    /// <summary>Topics a caller wants to talk about.</summary>
    public ImmutableArray<string> Topics { get; private init; } = [];

    /// <summary>Hobbies and interests.</summary>
    public ImmutableArray<string> Interests { get; private init; } = [];

    /// <summary>Personality quirks.</summary>
    public ImmutableArray<string> Quirks { get; private init; } = [];

    /// <summary>People in a caller's life, named from the name pools.</summary>
    public ImmutableArray<PersonaRelation> Relations { get; private init; } = [];

    /// <summary>Ways of talking.</summary>
    public ImmutableArray<string> VerbalHabits { get; private init; } = [];

    /// <summary>How the call goes emotionally.</summary>
    public ImmutableArray<string> EmotionalArcs { get; private init; } = [];

    /// <summary>First-time caller, long-time listener, …</summary>
    public ImmutableArray<string> RelationshipsToShow { get; private init; } = [];

    /// <summary>What they are drinking.</summary>
    public ImmutableArray<string> Drinks { get; private init; } = [];

    /// <summary>What they drive.</summary>
    public ImmutableArray<string> Vehicles { get; private init; } = [];

    /// <summary>Where they are at this time of night.</summary>
    public ImmutableArray<string> TimesOfNight { get; private init; } = [];

    /// <summary>Weather and season.</summary>
    public ImmutableArray<string> Seasons { get; private init; } = [];

    /// <summary>First names for <paramref name="gender"/>; neutral takes both pools.</summary>
    public ImmutableArray<string> NamesFor(VoiceGender gender) => gender switch
    {
        VoiceGender.Female => FemaleNames,
        VoiceGender.Male => MaleNames,
        _ => FemaleNames.AddRange(MaleNames),
    };

    /// <summary>
    /// The data file for the configured locale: <see cref="ShowOptions.PersonaFile"/> when set, else
    /// <c>Show/Data/personas.&lt;Locale&gt;.json</c> under <paramref name="baseDirectory"/> (default: the app's folder).
    /// </summary>
    public static string PathFor(ShowOptions options, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.PersonaFile))
        {
            return Path.GetFullPath(options.PersonaFile);
        }

        return Path.Combine(baseDirectory ?? AppContext.BaseDirectory, "Show", "Data", $"personas.{options.Locale}.json");
    }

    /// <summary>Loads the pool for the configured locale (see <see cref="PathFor"/>).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON or a pool is missing or empty.</exception>
    public static PersonaPool Load(ShowOptions options, string? baseDirectory = null) => Load(PathFor(options, baseDirectory));

    /// <summary>Loads and validates one persona data file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON or a pool is missing or empty.</exception>
    public static PersonaPool Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Persona file '{path}' does not exist (set Show:Locale or Show:PersonaFile).", path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Validates persona data; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">Not valid JSON, or a pool is missing or empty.</exception>
    public static PersonaPool Parse(string json, string source)
    {
        PersonaPoolFile? file;
        try
        {
            file = JsonSerializer.Deserialize<PersonaPoolFile>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Persona file '{source}' is not valid JSON: {ex.Message}", ex);
        }

        if (file is null)
        {
            throw new InvalidDataException($"Persona file '{source}' is empty.");
        }

        return new PersonaPool
        {
            Locale = file.Locale ?? "",
            FemaleNames = Strings(file.Names?.Female, "names.female", source),
            MaleNames = Strings(file.Names?.Male, "names.male", source),
            Towns = Strings(file.Towns, "towns", source),
            Jobs = JobsOf(file.Jobs, source),
            Problems = Strings(file.Problems, "problems", source),
            Topics = Strings(file.Topics, "topics", source),
            Interests = Strings(file.Interests, "interests", source),
            Quirks = Strings(file.Quirks, "quirks", source),
            Relations = RelationsOf(file.Relations, source),
            VerbalHabits = Strings(file.VerbalHabits, "verbalHabits", source),
            EmotionalArcs = Strings(file.EmotionalArcs, "emotionalArcs", source),
            RelationshipsToShow = Strings(file.RelationshipsToShow, "relationshipsToShow", source),
            Drinks = Strings(file.Grounding?.Drinks, "grounding.drinks", source),
            Vehicles = Strings(file.Grounding?.Vehicles, "grounding.vehicles", source),
            TimesOfNight = Strings(file.Grounding?.TimeOfNight, "grounding.timeOfNight", source),
            Seasons = Strings(file.Grounding?.Seasons, "grounding.seasons", source),
        };
    }

    private static ImmutableArray<string> Strings(List<string>? values, string pool, string source)
    {
        var cleaned = (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
        return cleaned.IsEmpty ? throw Missing(pool, source) : cleaned;
    }

    private static ImmutableArray<PersonaJob> JobsOf(List<PersonaPoolFile.JobEntry>? jobs, string source)
    {
        var result = ImmutableArray.CreateBuilder<PersonaJob>();
        foreach (var job in jobs ?? [])
        {
            if (string.IsNullOrWhiteSpace(job.Title))
            {
                continue;
            }

            if (job.MinAge < 16 || job.MaxAge > 100 || job.MinAge > job.MaxAge)
            {
                throw new InvalidDataException(
                    $"Persona file '{source}': job '{job.Title}' has an impossible age range {job.MinAge}–{job.MaxAge}.");
            }

            result.Add(new PersonaJob(job.Title.Trim(), job.MinAge, job.MaxAge));
        }

        return result.Count == 0 ? throw Missing("jobs", source) : result.ToImmutable();
    }

    private static ImmutableArray<PersonaRelation> RelationsOf(List<PersonaPoolFile.RelationEntry>? relations, string source)
    {
        var result = ImmutableArray.CreateBuilder<PersonaRelation>();
        foreach (var relation in relations ?? [])
        {
            if (string.IsNullOrWhiteSpace(relation.Label))
            {
                continue;
            }

            var gender = relation.Gender?.Trim().ToUpperInvariant() switch
            {
                "FEMALE" => VoiceGender.Female,
                "MALE" => VoiceGender.Male,
                null or "" or "ANY" => VoiceGender.Neutral,
                _ => throw new InvalidDataException(
                    $"Persona file '{source}': relation '{relation.Label}' has gender '{relation.Gender}' (use Female, Male or Any)."),
            };
            result.Add(new PersonaRelation(relation.Label.Trim(), gender));
        }

        return result.Count == 0 ? throw Missing("relations", source) : result.ToImmutable();
    }

    private static InvalidDataException Missing(string pool, string source) =>
        new($"Persona file '{source}': pool '{pool}' is missing or empty.");
}
