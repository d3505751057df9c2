namespace RadioStudio.Engine.Audio;

/// <summary>
/// Work done once per audio block on the clock thread. Implementations must not allocate, await, log or
/// take a lock that I/O code holds: they run on the real-time path.
/// </summary>
public interface IAudioClockClient
{
    /// <summary>Called once per block, in order. <paramref name="blockIndex"/> counts from 0.</summary>
    void OnBlock(long blockIndex);
}
