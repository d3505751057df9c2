namespace RadioStudio.Engine.Audio;

/// <summary>Sample rate and channel count of float32 audio (interleaved when more than one channel).</summary>
public readonly record struct AudioFormat(int SampleRate, int Channels)
{
    /// <summary>The studio's internal format: 48 kHz mono per source.</summary>
    public static AudioFormat Studio { get; } = new(AudioClock.SampleRate, 1);

    /// <summary>Samples (all channels) in one 20 ms block.</summary>
    public int BlockSamples => SampleRate / 50 * Channels;
}
