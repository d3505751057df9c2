namespace RadioStudio.Engine.Audio.Nodes;

/// <summary>
/// Designs the Kaiser-windowed sinc behind <see cref="PolyphaseResampler"/> and splits it into one
/// coefficient row per phase, reversed so a row dots forward with the oldest-first history.
/// </summary>
internal static class PolyphaseFilterDesign
{
    /// <summary>Stopband attenuation (dB) and passband edge (fraction of the lower rate) per quality.</summary>
    public static (double AttenuationDb, double PassbandFraction) Parameters(ResamplerQuality quality) => quality switch
    {
        ResamplerQuality.Fast => (60, 0.40),
        ResamplerQuality.Standard => (80, 0.42),
        ResamplerQuality.High => (100, 0.45),
        _ => throw new ArgumentOutOfRangeException(nameof(quality), quality, "Unknown resampler quality."),
    };

    /// <summary>
    /// Taps per phase from Kaiser's estimate, rounded up to a multiple of 8 so rows fill whole SIMD
    /// vectors; always even, so the filter centre sits on an input sample and the delay is an integer.
    /// </summary>
    public static int TapsPerPhase(int inputRate, int outputRate, ResamplerQuality quality)
    {
        var (attenuation, passband) = Parameters(quality);
        var lower = Math.Min(inputRate, outputRate);
        var transitionPerInputSample = (0.5 - passband) * lower / inputRate;
        var taps = (attenuation - 7.95) / (2.285 * 2 * Math.PI * transitionPerInputSample);
        return ((int)Math.Ceiling(taps) + 7) / 8 * 8;
    }

    /// <summary>
    /// Builds <paramref name="phases"/> rows of <paramref name="taps"/> coefficients. The prototype runs
    /// at phases × input rate, is centred on <c>taps/2 × phases</c> and is symmetric, so the resampler
    /// has linear phase and a delay of exactly <c>taps/2</c> input samples. Each row is scaled to sum
    /// to 1: unity DC gain in every phase, so a constant input never picks up a ripple at the phase rate.
    /// </summary>
    public static float[] Build(int inputRate, int outputRate, int phases, int taps, ResamplerQuality quality)
    {
        var (attenuation, passband) = Parameters(quality);
        var lower = Math.Min(inputRate, outputRate);
        var cutoff = (passband + 0.5) / 2 * lower / ((double)phases * inputRate);
        var beta = attenuation > 50 ? 0.1102 * (attenuation - 8.7) : (0.5842 * Math.Pow(attenuation - 21, 0.4)) + (0.07886 * (attenuation - 21));
        var centre = taps / 2 * phases;
        var window = BesselI0(beta);

        var rows = new float[phases * taps];
        var row = new double[taps];
        for (var phase = 0; phase < phases; phase++)
        {
            var sum = 0.0;
            for (var k = 0; k < taps; k++)
            {
                // Tap k of this phase weights input x[n − k]: prototype index phase + k·phases.
                var offset = (double)(phase + (k * phases) - centre);
                var x = offset / centre;
                var kaiser = Math.Abs(x) < 1 ? BesselI0(beta * Math.Sqrt(1 - (x * x))) / window : 0;
                row[k] = 2 * cutoff * Sinc(2 * cutoff * offset) * kaiser;
                sum += row[k];
            }

            for (var k = 0; k < taps; k++)
            {
                rows[(phase * taps) + taps - 1 - k] = (float)(row[k] / sum);
            }
        }

        return rows;
    }

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    // Zeroth-order modified Bessel function of the first kind, by its power series.
    private static double BesselI0(double x)
    {
        double sum = 1, term = 1, quarterSquare = x * x / 4;
        for (var k = 1; term > sum * 1e-17; k++)
        {
            term *= quarterSquare / ((double)k * k);
            sum += term;
        }

        return sum;
    }
}
