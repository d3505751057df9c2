namespace RadioStudio.Engine.Audio.Codecs;

/// <summary>Decoded WAV audio: interleaved float samples in [-1, 1] (integer formats scale by 2^(bits−1)).</summary>
/// <param name="SampleRate">Frames per second.</param>
/// <param name="Channels">Interleaved channel count (at least 1).</param>
/// <param name="Samples">Interleaved samples; the length is a whole number of frames.</param>
public sealed record WavAudio(int SampleRate, int Channels, float[] Samples)
{
    /// <summary>Number of frames (samples per channel).</summary>
    public int Frames => Samples.Length / Channels;

    /// <summary>Playing time.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Frames / SampleRate);

    /// <summary>Averages the channels of each frame; a mono file comes back as a copy.</summary>
    public static float[] ToMono(WavAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var channels = audio.Channels;
        var mono = new float[audio.Frames];
        var samples = audio.Samples.AsSpan();
        for (var frame = 0; frame < mono.Length; frame++)
        {
            var sum = 0f;
            foreach (var sample in samples.Slice(frame * channels, channels))
            {
                sum += sample;
            }

            mono[frame] = sum / channels;
        }

        return mono;
    }
}
