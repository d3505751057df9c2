namespace RadioStudio.Engine.Audio.Routing;

/// <summary>What a bus carries.</summary>
public enum BusKind
{
    /// <summary>The host's microphone.</summary>
    HostMic,

    /// <summary>The AI caller voice (one at a time).</summary>
    AiVoice,

    /// <summary>One on-air phone line slot (slot 0 = the first phone channel).</summary>
    Phone,

    /// <summary>Music beds, after crossfade and ducking.</summary>
    Music,

    /// <summary>The sound-effect cart.</summary>
    Effects,

    /// <summary>Ads and idents.</summary>
    Ads,

    /// <summary>The program mix: every other bus summed (mono inside; L and R on the device).</summary>
    Program,
}
