namespace RadioStudio.Engine.Audio;

/// <summary>
/// A pull source of float32 audio, shaped like NAudio's ISampleProvider: the audio clock asks for a block
/// and the source fills it. <see cref="Read"/> runs on the real-time path: no allocation, no await, no
/// logging, no lock that I/O code holds.
/// </summary>
public interface IAudioSource
{
    /// <summary>The format of what <see cref="Read"/> writes.</summary>
    AudioFormat Format { get; }

    /// <summary>
    /// Writes up to <paramref name="buffer"/>.Length samples and returns how many. Live sources always fill
    /// the buffer (silence when they have nothing); a finite source returns fewer only when it has ended.
    /// </summary>
    int Read(Span<float> buffer);
}
