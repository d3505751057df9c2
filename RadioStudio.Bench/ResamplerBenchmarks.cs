using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using RadioStudio.Engine.Audio.Nodes;

namespace RadioStudio.Bench;

/// <summary>The phone edge of the audio path: one 20 ms frame 8 kHz → 48 kHz and back, per quality.</summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 3, iterationCount: 10)]
public class ResamplerBenchmarks
{
    private readonly float[] _narrow = new float[160];
    private readonly float[] _wide = new float[960];
    private PolyphaseResampler _up = null!;
    private PolyphaseResampler _down = null!;

    [Params(ResamplerQuality.Fast, ResamplerQuality.Standard, ResamplerQuality.High)]
    public ResamplerQuality Quality { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _up = new PolyphaseResampler(8000, 48000, Quality);
        _down = new PolyphaseResampler(48000, 8000, Quality);
        for (var i = 0; i < _narrow.Length; i++)
        {
            _narrow[i] = (float)(0.5 * Math.Sin(2 * Math.PI * 440 * i / 8000));
        }
    }

    [Benchmark(Description = "8k → 48k, 160 → 960 samples")]
    public int Up() => _up.Process(_narrow, _wide);

    [Benchmark(Description = "48k → 8k, 960 → 160 samples")]
    public int Down() => _down.Process(_wide, _narrow);
}
