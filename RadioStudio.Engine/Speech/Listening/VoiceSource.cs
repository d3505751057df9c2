namespace RadioStudio.Engine.Speech.Listening;

/// <summary>Whose voice a <see cref="VoiceListener"/> event is about: the host, or the caller in a phone slot.</summary>
/// <param name="IsHost">True for the host's microphone.</param>
/// <param name="PhoneSlot">The phone bus (0-based) for a phone caller; −1 for the host.</param>
public readonly record struct VoiceSource(bool IsHost, int PhoneSlot)
{
    /// <summary>The host's microphone.</summary>
    public static VoiceSource Host { get; } = new(true, -1);

    /// <summary>The caller on phone bus <paramref name="slot"/>.</summary>
    public static VoiceSource Phone(int slot) => new(false, slot);
}
