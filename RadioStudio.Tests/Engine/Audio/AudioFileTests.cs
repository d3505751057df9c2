using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Audio;

public sealed class AudioFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ReadMono_StereoAt44k1_BecomesMonoAt8kWithTheToneIntact()
    {
        var path = Path.Combine(_folder.Path, "caller.wav");
        var tone = DspTestHelpers.Sine(44_100, 1000, 44_100, amplitude: 0.5);
        var stereo = new float[tone.Length * 2];
        for (var i = 0; i < tone.Length; i++)
        {
            (stereo[2 * i], stereo[(2 * i) + 1]) = (tone[i], tone[i]);
        }

        using (var writer = new WavWriter(path, 44_100, 2, WavSampleFormat.Float32))
        {
            writer.Write(stereo);
        }

        var mono = AudioFile.ReadMono(path, 8000);

        Assert.InRange(mono.Length, 7990, 8010);
        var middle = mono.AsSpan(1000, 4096);
        Assert.Equal(0.5, DspTestHelpers.GoertzelAmplitude(middle, 1000, 8000), 2);
        Assert.True(DspTestHelpers.SpuriousDb(middle, 1000, 8000) < -60, "no aliasing from the 44.1 kHz source");
    }
}
