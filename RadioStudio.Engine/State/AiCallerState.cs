namespace RadioStudio.Engine.State;

/// <summary>One slot of the AI caller board (keys 1–9, 0).</summary>
/// <param name="Slot">1-based slot number; slot 10 answers to key 0.</param>
/// <param name="Name">Caller name, once a persona is drawn.</param>
/// <param name="Description">Short line the host sees (age, job, town).</param>
/// <param name="Status">What the slot is doing.</param>
/// <param name="IsRegular">A returning regular.</param>
public sealed record AiCallerState(int Slot, string? Name, string? Description, AiCallerStatus Status, bool IsRegular)
{
    /// <summary>The persona behind the slot (null while empty).</summary>
    public Show.Persona? Persona { get; init; }

    /// <summary>The hotkey that picks this slot.</summary>
    public char Hotkey => Slot == 10 ? '0' : (char)('0' + Slot);
}
