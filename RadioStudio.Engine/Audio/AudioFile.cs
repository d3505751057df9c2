using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Nodes;

namespace RadioStudio.Engine.Audio;

/// <summary>Reads audio files into the mono float form a source needs, at the rate it needs.</summary>
public static class AudioFile
{
    /// <summary>A WAV file at any rate and channel count, mixed to mono and resampled (band-limited) to <paramref name="sampleRate"/>.</summary>
    public static float[] ReadMono(string path, int sampleRate) => ToMono(WavReader.Read(path), sampleRate);

    /// <summary>Decoded WAV audio, mixed to mono and resampled to <paramref name="sampleRate"/>.</summary>
    public static float[] ToMono(WavAudio audio, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var mono = WavAudio.ToMono(audio);
        return audio.SampleRate == sampleRate ? mono : PolyphaseResampler.ResampleAll(mono, audio.SampleRate, sampleRate);
    }
}
