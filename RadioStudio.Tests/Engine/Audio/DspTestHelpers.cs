using System.Numerics;

namespace RadioStudio.Tests.Engine.Audio;

/// <summary>Signal generators and spectrum measurements for the audio tests (double precision throughout).</summary>
internal static class DspTestHelpers
{
    public static float[] Sine(int count, double frequency, int sampleRate, double amplitude = 0.5, double phase = 0) =>
        Enumerable.Range(0, count).Select(i => (float)(amplitude * Math.Sin((2 * Math.PI * frequency * i / sampleRate) + phase))).ToArray();

    public static double Db(double amplitudeRatio) => 20 * Math.Log10(amplitudeRatio);

    public static double PowerDb(double powerRatio) => 10 * Math.Log10(powerRatio);

    public static double Rms(ReadOnlySpan<float> x)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += (double)v * v;
        }

        return Math.Sqrt(sum / x.Length);
    }

    public static double Peak(ReadOnlySpan<float> x)
    {
        var peak = 0.0;
        foreach (var v in x)
        {
            peak = Math.Max(peak, Math.Abs(v));
        }

        return peak;
    }

    /// <summary>Amplitude of the tone at <paramref name="frequency"/> (Goertzel); exact when the span holds whole cycles.</summary>
    public static double GoertzelAmplitude(ReadOnlySpan<float> x, double frequency, int sampleRate)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0, s2 = 0;
        foreach (var v in x)
        {
            var s0 = v + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        var power = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
        return 2 * Math.Sqrt(Math.Max(power, 0)) / x.Length;
    }

    /// <summary>Power per bin (0 … N/2) of the Blackman-Harris-windowed signal; N must be a power of two.</summary>
    public static double[] PowerSpectrum(ReadOnlySpan<float> x)
    {
        var n = x.Length;
        if (!BitOperations.IsPow2(n))
        {
            throw new ArgumentException("Length must be a power of two.", nameof(x));
        }

        var bins = new Complex[n];
        for (var i = 0; i < n; i++)
        {
            // 4-term Blackman-Harris: sidelobes at −92 dB, so leakage cannot pass for aliasing.
            var t = 2 * Math.PI * i / n;
            var w = 0.35875 - (0.48829 * Math.Cos(t)) + (0.14128 * Math.Cos(2 * t)) - (0.01168 * Math.Cos(3 * t));
            bins[i] = x[i] * w;
        }

        Fft(bins);
        return bins.Take((n / 2) + 1).Select(c => c.Magnitude * c.Magnitude).ToArray();
    }

    /// <summary>Power outside ±<paramref name="guardBins"/> of the tone, relative to the power near it (dB).</summary>
    public static double SpuriousDb(ReadOnlySpan<float> x, double frequency, int sampleRate, int guardBins = 8)
    {
        var power = PowerSpectrum(x);
        var toneBin = (int)Math.Round(frequency * x.Length / sampleRate);
        double tone = 0, rest = 0;
        for (var bin = 0; bin < power.Length; bin++)
        {
            if (Math.Abs(bin - toneBin) <= guardBins)
            {
                tone += power[bin];
            }
            else
            {
                rest += power[bin];
            }
        }

        return PowerDb((rest + 1e-300) / tone);
    }

    /// <summary>Fraction of the power above <paramref name="frequency"/>, in dB.</summary>
    public static double PowerAboveDb(ReadOnlySpan<float> x, double frequency, int sampleRate)
    {
        var power = PowerSpectrum(x);
        var firstBin = (int)Math.Ceiling(frequency * x.Length / sampleRate);
        return PowerDb((power.Skip(firstBin).Sum() + 1e-300) / power.Sum());
    }

    // Iterative radix-2 Cooley-Tukey, in place.
    private static void Fft(Complex[] a)
    {
        var n = a.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (a[i], a[j]) = (a[j], a[i]);
            }
        }

        for (var len = 2; len <= n; len <<= 1)
        {
            var step = Complex.FromPolarCoordinates(1, -2 * Math.PI / len);
            for (var start = 0; start < n; start += len)
            {
                var w = Complex.One;
                for (var k = 0; k < len / 2; k++)
                {
                    var u = a[start + k];
                    var v = a[start + k + (len / 2)] * w;
                    a[start + k] = u + v;
                    a[start + k + (len / 2)] = u - v;
                    w *= step;
                }
            }
        }
    }
}
