namespace RadioStudio.Engine.Audio.Routing;

/// <summary>One bus of the mix: a kind, and for phone lines the slot (0-based).</summary>
public readonly record struct BusId(BusKind Kind, int Slot = 0)
{
    /// <summary>A stable file/display name: host, ai, phone-1 (slot + 1), music, sfx, ads, program.</summary>
    public string Name => Kind switch
    {
        BusKind.HostMic => "host",
        BusKind.AiVoice => "ai",
        BusKind.Phone => $"phone-{Slot + 1}",
        BusKind.Music => "music",
        BusKind.Effects => "sfx",
        BusKind.Ads => "ads",
        _ => "program",
    };

    /// <inheritdoc />
    public override string ToString() => Name;
}
