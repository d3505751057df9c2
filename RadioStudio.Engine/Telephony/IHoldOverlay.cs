namespace RadioStudio.Engine.Telephony;

/// <summary>
/// Something that talks to one holding caller (the AI screener): it adds to that line's hold feed and hears
/// that line's inbound audio, and nothing else. Both methods run on the audio clock thread, once per block:
/// no allocation, await, lock or log.
/// </summary>
public interface IHoldOverlay
{
    /// <summary>Mixes into the caller's next hold frame (payload in the line's codec, hold music already in it).</summary>
    void Overlay(Span<byte> frame);

    /// <summary>One 20 ms block (48 kHz) of what the holding caller said.</summary>
    void Hear(ReadOnlySpan<float> block);
}
