namespace RadioStudio.Engine.Audio.Graph;

/// <summary>
/// One caller as the audio graph sees it, called only on the audio clock thread, once per block: read what
/// the caller said, then send what the caller hears (their mix-minus on air, their hold feed otherwise).
/// </summary>
public interface IPhoneLineAudio
{
    /// <summary>The phone slot while on air (0 = the first phone channel), or −1 while holding or screening.</summary>
    int Slot { get; }

    /// <summary>True once the media stream is up; lines still connecting are skipped.</summary>
    bool Connected { get; }

    /// <summary>Fills one 20 ms block (960 samples, 48 kHz) with what the caller said.</summary>
    void ReadInbound(Span<float> block);

    /// <summary>Sends the caller one 20 ms block of what they hear on air (48 kHz; encoded and paced by the line).</summary>
    void SendReturn(ReadOnlySpan<float> block);

    /// <summary>Sends the caller their next frame of the hold feed.</summary>
    void SendHold();
}
