using System.Collections.Immutable;

namespace RadioStudio.Engine.Audio.Routing;

/// <summary>
/// Which device channel (1-based) each bus goes to, and the device by name (indices drift between boots).
/// Data, not code: saved in settings and edited on the settings page. The defaults are the spec's
/// channel map: host 1, AI 2, phone lines 3…8, music 9, SFX 10, ads 11, program L/R 15–16.
/// </summary>
public sealed record RoutingTable
{
    /// <summary>The output device's name as PortAudio lists it; null or empty = no device (null output + stems).</summary>
    public string? DeviceName { get; init; }

    /// <summary>Host mic channel.</summary>
    public int HostMic { get; init; } = 1;

    /// <summary>AI caller voice channel.</summary>
    public int AiVoice { get; init; } = 2;

    /// <summary>The first phone line's channel; slot n goes to <c>FirstPhone + n</c>.</summary>
    public int FirstPhone { get; init; } = 3;

    /// <summary>How many on-air phone slots have their own channel.</summary>
    public int PhoneSlots { get; init; } = 6;

    /// <summary>Music channel.</summary>
    public int Music { get; init; } = 9;

    /// <summary>Sound-effects channel.</summary>
    public int Effects { get; init; } = 10;

    /// <summary>Ads channel.</summary>
    public int Ads { get; init; } = 11;

    /// <summary>Program mix left channel.</summary>
    public int ProgramLeft { get; init; } = 15;

    /// <summary>Program mix right channel.</summary>
    public int ProgramRight { get; init; } = 16;

    /// <summary>The highest channel any bus uses.</summary>
    public int ChannelsNeeded => new[] { HostMic, AiVoice, FirstPhone + PhoneSlots - 1, Music, Effects, Ads, ProgramLeft, ProgramRight }.Max();

    /// <summary>The channels (1-based) a bus is routed to: two for the program, one for everything else.</summary>
    public ImmutableArray<int> ChannelsOf(BusId bus) => bus.Kind switch
    {
        BusKind.HostMic => [HostMic],
        BusKind.AiVoice => [AiVoice],
        BusKind.Phone => [FirstPhone + bus.Slot],
        BusKind.Music => [Music],
        BusKind.Effects => [Effects],
        BusKind.Ads => [Ads],
        _ => [ProgramLeft, ProgramRight],
    };

    /// <summary>
    /// The 0-based channel of a device with <paramref name="deviceChannels"/> outputs that
    /// <paramref name="channel"/> lands on: channels past the device's last one fold onto its last channel.
    /// </summary>
    public static int Fold(int channel, int deviceChannels) => Math.Min(channel, deviceChannels) - 1;

    /// <summary>Checks the table; returns the problems (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Check(string name, int channel)
        {
            if (channel is < 1 or > 64)
            {
                problems.Add($"{name}: channel {channel} is outside 1–64.");
            }
        }

        Check(nameof(HostMic), HostMic);
        Check(nameof(AiVoice), AiVoice);
        Check(nameof(FirstPhone), FirstPhone);
        Check(nameof(Music), Music);
        Check(nameof(Effects), Effects);
        Check(nameof(Ads), Ads);
        Check(nameof(ProgramLeft), ProgramLeft);
        Check(nameof(ProgramRight), ProgramRight);
        if (PhoneSlots is < 1 or > 32)
        {
            problems.Add($"{nameof(PhoneSlots)}: {PhoneSlots} is outside 1–32.");
        }

        return problems;
    }
}
