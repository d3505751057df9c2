using System.Collections.Immutable;

namespace RadioStudio.Engine.Audio.Graph;

/// <summary>The live phone lines, as an array swapped atomically (read on the audio thread without a lock).</summary>
public interface IPhoneLineProvider
{
    /// <summary>Every live line, on air or holding.</summary>
    ImmutableArray<IPhoneLineAudio> AudioLines { get; }
}
