using System.Collections.Immutable;

namespace RadioStudio.Engine.Audio.Graph;

/// <summary>The live phone lines, as an array swapped atomically (read on the audio thread without a lock).</summary>
public interface IPhoneLineProvider
{
    /// <summary>Every live line, on air or holding.</summary>
    ImmutableArray<IPhoneLineAudio> AudioLines { get; }

    /// <summary>
    /// Called on the clock thread once per block, after every line's return or hold frame was queued: the moment
    /// to hand the block's frames to the sockets in one step. Must not block, allocate or lock.
    /// </summary>
    void OnFramesQueued()
    {
    }
}
