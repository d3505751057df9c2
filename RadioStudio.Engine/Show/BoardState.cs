using RadioStudio.Engine.Speech;

namespace RadioStudio.Engine.Show;

/// <summary>What one board has used so far, so a draw avoids repeats while the pools allow.</summary>
internal sealed class BoardState
{
    private readonly HashSet<string> _excludedNames;
    private readonly HashSet<string> _callerNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _personNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _voiceUses = new(StringComparer.Ordinal);

    public BoardState(IReadOnlySet<string> excludedNames, IReadOnlyList<Persona> board)
    {
        _excludedNames = new HashSet<string>(excludedNames, StringComparer.OrdinalIgnoreCase);
        foreach (var persona in board)
        {
            _callerNames.Add(persona.Name);
            Jobs.Add(persona.Job);
            Towns.Add(persona.Town);
            Reasons.Add(persona.Reason);
            foreach (var person in persona.People)
            {
                _personNames.Add(person.Split(',')[0].Trim());
            }

            if (persona.Voice is { } voice)
            {
                _voiceUses[voice] = _voiceUses.GetValueOrDefault(voice) + 1;
            }
        }
    }

    public HashSet<string> Jobs { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Towns { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Reasons { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A caller name: never one already on the board; preferably not excluded nor used for someone's relative.
    /// Only a pool smaller than the board repeats a name.
    /// </summary>
    public string DrawCallerName(IReadOnlyList<string> names, Random random)
    {
        var name = First(names, random,
            n => !_callerNames.Contains(n) && !_excludedNames.Contains(n) && !_personNames.Contains(n),
            n => !_callerNames.Contains(n) && !_excludedNames.Contains(n),
            n => !_callerNames.Contains(n));
        _callerNames.Add(name);
        return name;
    }

    /// <summary>A relative's name: preferably nobody else's on the board, never the name of a caller.</summary>
    public string DrawPersonName(IReadOnlyList<string> names, Random random)
    {
        var name = First(names, random,
            n => !_callerNames.Contains(n) && !_personNames.Contains(n) && !_excludedNames.Contains(n),
            n => !_callerNames.Contains(n));
        _personNames.Add(name);
        return name;
    }

    /// <summary>
    /// An unused voice of the gender, else an unused neutral one, else the least used of the gender (reuse happens
    /// only when the provider has fewer voices than slots); null when the provider lists none.
    /// </summary>
    public string? DrawVoice(IReadOnlyList<VoiceInfo> voices, VoiceGender gender, Random random)
    {
        if (voices.Count == 0)
        {
            return null;
        }

        var matching = voices.Where(v => v.Gender == gender).ToList();
        var neutral = voices.Where(v => v.Gender == VoiceGender.Neutral).ToList();
        var unused = matching.Where(v => !_voiceUses.ContainsKey(v.Id)).ToList();
        if (unused.Count == 0)
        {
            unused = neutral.Where(v => !_voiceUses.ContainsKey(v.Id)).ToList();
        }

        VoiceInfo voice;
        if (unused.Count > 0)
        {
            voice = RandomPick.One(unused, random);
        }
        else
        {
            var candidates = matching.Count > 0 ? matching : neutral.Count > 0 ? neutral : [.. voices];
            var fewest = candidates.Min(v => _voiceUses.GetValueOrDefault(v.Id));
            voice = RandomPick.One(candidates.Where(v => _voiceUses.GetValueOrDefault(v.Id) == fewest).ToList(), random);
        }

        _voiceUses[voice.Id] = _voiceUses.GetValueOrDefault(voice.Id) + 1;
        return voice.Id;
    }

    private static string First(IReadOnlyList<string> names, Random random, params Func<string, bool>[] preferences)
    {
        foreach (var preference in preferences)
        {
            var fresh = names.Where(preference).ToList();
            if (fresh.Count > 0)
            {
                return RandomPick.One(fresh, random);
            }
        }

        return RandomPick.One(names, random);
    }
}
