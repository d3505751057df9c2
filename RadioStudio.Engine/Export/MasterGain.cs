using RadioStudio.Engine.Audio.Nodes;

namespace RadioStudio.Engine.Export;

/// <summary>
/// The master's signal path: one fixed gain, then the studio's true-peak limiter (4× oversampled) at the master
/// ceiling. Below the ceiling it is that gain exactly (linear, transparent); only peaks the gain would push over are
/// turned down, briefly.
/// </summary>
internal sealed class MasterGain
{
    /// <summary>Samples the limiter sees at once (its look-ahead is the block).</summary>
    public const int Block = 4800;

    private readonly float _gain;
    private readonly TruePeakLimiter _limiter = new((float)LoudnessTarget.TruePeakAsked, MasterPass.SampleRate, Block, attackMs: 2f, releaseMs: 250f);

    public MasterGain(double gainDb)
    {
        GainDb = gainDb;
        _gain = (float)Math.Pow(10, gainDb / 20);
    }

    /// <summary>The gain that brings <paramref name="measured"/> to the master's aim (about −16 LUFS); silence (or near it) is left as it is rather than raised by 50 dB of noise.</summary>
    public static double Toward(ProgramLoudness measured) =>
        double.IsFinite(measured.Integrated) && measured.Integrated > -60 ? LoudnessTarget.MasterAim - measured.Integrated : 0;

    /// <summary>The gain applied, in dB.</summary>
    public double GainDb { get; }

    /// <summary>Applies the gain and the limiter to <paramref name="samples"/> in place, a block at a time.</summary>
    public void Process(Span<float> samples)
    {
        while (!samples.IsEmpty)
        {
            var block = samples[..Math.Min(Block, samples.Length)];
            for (var i = 0; i < block.Length; i++)
            {
                block[i] *= _gain;
            }

            _limiter.Process(block);
            samples = samples[block.Length..];
        }
    }
}
