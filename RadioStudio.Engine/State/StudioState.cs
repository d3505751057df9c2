using System.Collections.Immutable;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Providers;

namespace RadioStudio.Engine.State;

/// <summary>
/// The whole studio as the pages see it. Immutable: the engine is its only writer and publishes a new
/// snapshot for every change, including the once-a-second clock tick (<see cref="Now"/>).
/// </summary>
public sealed record StudioState
{
    /// <summary>Increases by one with every published snapshot.</summary>
    public long Version { get; init; }

    /// <summary>The engine clock at the last tick; pages derive every timer from it.</summary>
    public DateTimeOffset Now { get; init; }

    /// <summary>True while the studio is ON AIR.</summary>
    public bool OnAir { get; init; }

    /// <summary>The live show, or the last one when OFF AIR; null before the first show.</summary>
    public ShowInfo? Show { get; init; }

    /// <summary>Transcript of <see cref="Show"/>, append-only.</summary>
    public ImmutableList<TranscriptEntry> Transcript { get; init; } = [];

    /// <summary>Every phone call that has not ended: the hold queue and the on-air lines.</summary>
    public ImmutableList<PhoneLineState> Lines { get; init; } = [];

    /// <summary>Refuse every new caller with the busy message (contests, breaks) while on air.</summary>
    public bool BlockAll { get; init; }

    /// <summary>How callers reach the studio: Twilio or the local simulator only.</summary>
    public TelephonyStatus Telephony { get; init; } = TelephonyStatus.Unknown;

    /// <summary>The ten AI caller slots.</summary>
    public ImmutableList<AiCallerState> AiCallers { get; init; } = [];

    /// <summary>Manual: AI callers speak when the host says so. Auto: they decide after each turn.</summary>
    public RespondMode RespondMode { get; init; } = RespondMode.Manual;

    /// <summary>After a phone call ends, pick an AI caller to react automatically.</summary>
    public bool AutoFollowUp { get; init; }

    /// <summary>Providers, the AI caller on the line, its turn phase and latency.</summary>
    public AiStatus Ai { get; init; } = AiStatus.Initial;

    /// <summary>Music, cart, ads, output device and stems.</summary>
    public AudioStatus Audio { get; init; } = AudioStatus.Initial;

    /// <summary>Which device channel every source goes to, and the output device by name.</summary>
    public RoutingTable Routing { get; init; } = new();

    /// <summary>The host's saved AI provider choices, or null when never saved (appsettings.json applies).</summary>
    public AiProviderChoices? AiProviders { get; init; }

    /// <summary>This show's ended calls in order (the show so far), from the stored call records.</summary>
    public ImmutableList<Show.Memory.CallRecord> ShowHistory { get; init; } = [];

    /// <summary>The AI caller about to follow up the last phone call, and why; null when none is coming.</summary>
    public Show.Memory.FollowUpState? FollowUp { get; init; }

    /// <summary>What the caller directory knows about the numbers on the lines now, by number.</summary>
    public ImmutableDictionary<string, Callers.CallerProfile> KnownCallers { get; init; } = ImmutableDictionary<string, Callers.CallerProfile>.Empty;

    /// <summary>The most recent studio log lines, oldest first.</summary>
    public ImmutableList<StudioLogEntry> EventLog { get; init; } = [];

    /// <summary>Elapsed show time at <see cref="Now"/>; after OFF AIR the ended show's length; zero before any show.</summary>
    public TimeSpan ShowElapsed => Show is { } show && (OnAir || show.Ended is not null) ? show.Elapsed(Now) : TimeSpan.Zero;

    /// <summary>Callers waiting, in the order the host will take them.</summary>
    public IEnumerable<PhoneLineState> Queue =>
        Lines.Where(l => l.IsQueued).OrderBy(l => l.Status == LineStatus.Next ? 0 : 1).ThenBy(l => l.Priority).ThenBy(l => l.Arrived);

    /// <summary>Callers on air, by channel.</summary>
    public IEnumerable<PhoneLineState> OnAirLines => Lines.Where(l => l.IsOnAir).OrderBy(l => l.Channel);
}
