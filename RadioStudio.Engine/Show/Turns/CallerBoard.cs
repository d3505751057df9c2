using System.Collections.Immutable;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Show.Turns;

/// <summary>
/// The ten AI caller slots of one show: who sits in each, and every name used this show (plus the active regulars'),
/// so a fresh draw never repeats a name. Not thread-safe: the director uses it under its gate.
/// </summary>
internal sealed class CallerBoard(PersonaGenerator personas, Random random)
{
    /// <summary>Slots on the board (keys 1–9, 0).</summary>
    public const int Size = 10;

    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private Persona?[] _slots = new Persona?[Size];

    /// <summary>The persona in a 1-based slot, or null.</summary>
    public Persona? this[int slot] => _slots[slot - 1];

    /// <summary>A new show's board: fresh personas with the regulars seated, no name used twice.</summary>
    public IReadOnlyList<Persona> DrawNew(IReadOnlyList<VoiceInfo> voices, IReadOnlyList<Persona> regulars, IReadOnlyList<string> regularNames)
    {
        _names.Clear();
        _names.UnionWith(regularNames);
        var drawn = Memory.Regulars.Seat(personas.DrawBoard(Size, voices, _names, random), regulars);
        _slots = [.. drawn];
        _names.UnionWith(drawn.Select(p => p.Name));
        return drawn;
    }

    /// <summary>A caller left slot <paramref name="slot"/>: a fresh caller takes it (they stay remembered for the show).</summary>
    public Persona Replace(int slot, IReadOnlyList<VoiceInfo> voices)
    {
        var names = new HashSet<string>(_names, StringComparer.OrdinalIgnoreCase);
        names.UnionWith(_slots.OfType<Persona>().Select(p => p.Name));
        var replacement = personas.Draw(slot - 1, [.. _slots.OfType<Persona>()], voices, names, random);
        _slots[slot - 1] = replacement;
        _names.Add(replacement.Name);
        return replacement;
    }

    /// <summary>Puts the enriched persona in its slot if the original still waits there.</summary>
    public bool TryEnrich(int slot, Persona original, Persona enriched)
    {
        if (!ReferenceEquals(_slots[slot - 1], original))
        {
            return false;
        }

        _slots[slot - 1] = enriched;
        return true;
    }

    /// <summary>The slot as the pages see it (★ for a regular).</summary>
    public static AiCallerState SlotState(int slot, Persona persona) =>
        new(slot, persona.Name, persona.Summary, AiCallerStatus.Ready, persona.RegularId is not null) { Persona = persona };

    /// <summary>Marks one slot busy and every other filled slot ready.</summary>
    public static ImmutableList<AiCallerState> SetSlotStatus(ImmutableList<AiCallerState> board, int slot, AiCallerStatus status)
    {
        var ready = board.Select(s => s.Status is AiCallerStatus.Empty or AiCallerStatus.Preparing ? s : s with { Status = AiCallerStatus.Ready });
        return [.. ready.Select(s => s.Slot == slot ? s with { Status = status } : s)];
    }
}
