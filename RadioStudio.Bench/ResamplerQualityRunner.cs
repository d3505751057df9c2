using System.Globalization;
using System.Numerics;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.Audio.Phone;
using RadioStudio.Engine.Telephony;

namespace RadioStudio.Bench;

/// <summary>
/// Measures the resampler against the issue's quality targets and prints Markdown for docs/performance.md:
/// a stepped sine sweep per rate pair (alias and image products), and the 8 k → 48 k → 8 k round trip of a
/// 1 kHz tone. The method is printed with the numbers.
/// </summary>
internal static class ResamplerQualityRunner
{
    private const int AnalysisLength = 8192;
    private const int GuardBins = 8;
    private const double Amplitude = 0.5;
    private const double SweepTop = 0.49;
    private const double TargetDb = -60;

    private static readonly (int In, int Out)[] RatePairs =
    [
        (8000, 48000), (48000, 8000), (16000, 48000), (48000, 16000), (24000, 48000), (48000, 24000), (22050, 48000), (44100, 48000),
    ];

    public static int Run(string[] args)
    {
        var quality = args.Contains("--quality") ? Enum.Parse<ResamplerQuality>(args[Array.IndexOf(args, "--quality") + 1], ignoreCase: true) : ResamplerQuality.Standard;
        var tones = args.Contains("--tones") ? int.Parse(args[Array.IndexOf(args, "--tones") + 1], CultureInfo.InvariantCulture) : 200;
        var failed = false;
        Console.WriteLine($"Resampler quality: PolyphaseResampler, {quality} (the quality PhoneInbound/PhoneOutbound use is Standard).");
        Console.WriteLine();
        Console.WriteLine($"Method: stepped sine sweep, {tones} tones of amplitude {Amplitude} evenly spaced from 0 to {SweepTop} × the input rate");
        Console.WriteLine($"(up to {SweepTop * 2:0.00} × the input Nyquist), each converted whole (PolyphaseResampler.ResampleAll, group delay");
        Console.WriteLine($"compensated), then a {AnalysisLength}-point FFT of the output's middle (filter start-up excluded) with a 4-term");
        Console.WriteLine("Blackman-Harris window (sidelobes −92 dB). A tone below the output Nyquist must come through: everything");
        Console.WriteLine($"outside ±{GuardBins} bins of it is an alias/image/distortion product. A tone above the output Nyquist must");
        Console.WriteLine("not: all of its output is alias. Products are in dB relative to the input tone's power (dBc).");
        Console.WriteLine();
        Console.WriteLine("| rate pair | taps per output | tones | worst product, tones that pass (dBc) | worst alias, tones above output Nyquist (dBc) | target | result |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (inRate, outRate) in RatePairs)
        {
            var taps = new PolyphaseResampler(inRate, outRate, quality).TapsPerOutput;
            var reference = ReferencePower(outRate);
            var (worstPass, worstPassAt) = (double.NegativeInfinity, 0.0);
            var (worstStop, worstStopAt) = (double.NegativeInfinity, 0.0);
            for (var i = 1; i <= tones; i++)
            {
                var frequency = SweepTop * inRate * i / tones;
                var output = ResampledMiddle(Sine(InputLength(inRate, outRate, quality), frequency, inRate), inRate, outRate, quality);
                var power = PowerSpectrum(output);
                var passes = frequency < outRate / 2.0;
                var toneBin = (int)Math.Round(frequency * AnalysisLength / outRate);
                var products = 0.0;
                for (var bin = 0; bin < power.Length; bin++)
                {
                    if (!passes || Math.Abs(bin - toneBin) > GuardBins)
                    {
                        products += power[bin];
                    }
                }

                var db = 10 * Math.Log10((products + 1e-300) / reference);
                if (passes && db > worstPass)
                {
                    (worstPass, worstPassAt) = (db, frequency);
                }
                else if (!passes && db > worstStop)
                {
                    (worstStop, worstStopAt) = (db, frequency);
                }
            }

            var worst = Math.Max(worstPass, worstStop);
            failed |= worst > TargetDb;
            var stop = double.IsNegativeInfinity(worstStop) ? "— (upsampling)" : $"{worstStop:F1} at {worstStopAt:F0} Hz";
            Console.WriteLine($"| {Khz(inRate)} → {Khz(outRate)} | {taps} | {tones} | {worstPass:F1} at {worstPassAt:F0} Hz | {stop} | ≤ {TargetDb:F0} | {(worst <= TargetDb ? "pass" : "FAIL")} |");
        }

        Console.WriteLine();
        var resamplerOnly = RoundTripResampler(quality);
        var phonePath = RoundTripPhonePath();
        Console.WriteLine("Round trip 8 k → 48 k → 8 k, 1 kHz at −6 dBFS, streamed in 20 ms frames; gain by Goertzel at 1 kHz over");
        Console.WriteLine("4 000 samples (500 whole cycles) after the filters have settled:");
        Console.WriteLine();
        Console.WriteLine("| path | gain error (dB) | target |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| PolyphaseResampler 8 k → 48 k → 8 k ({quality}), float | {resamplerOnly:+0.000000;-0.000000;0.000000} | ±0.1 |");
        Console.WriteLine($"| PhoneInbound → PhoneOutbound (μ-law both ends, jitter buffer, Standard) | {phonePath:+0.000000;-0.000000;0.000000} | ±0.1 |");
        failed |= Math.Abs(resamplerOnly) > 0.1;

        Console.WriteLine();
        Console.WriteLine($"The replaced show's way (per-frame resample_poly, no state between frames), 8 k → 48 k, 1 kHz: products {PerFrameScipyProductsDb():F1} dBc");
        Console.WriteLine("(the frame edges of a stateless filter, every 20 ms).");
        return failed ? 1 : 0;
    }

    private static string Khz(int rate) => (rate / 1000.0).ToString("0.##", CultureInfo.InvariantCulture) + " k";

    private static int Margin(int inRate, int outRate, ResamplerQuality quality) =>
        (int)((long)new PolyphaseResampler(inRate, outRate, quality).TapsPerOutput * outRate / inRate) + 64;

    private static int InputLength(int inRate, int outRate, ResamplerQuality quality) =>
        (int)((AnalysisLength + (2L * Margin(inRate, outRate, quality))) * inRate / outRate) + 1;

    private static float[] ResampledMiddle(float[] input, int inRate, int outRate, ResamplerQuality quality) =>
        PolyphaseResampler.ResampleAll(input, inRate, outRate, quality).AsSpan(Margin(inRate, outRate, quality), AnalysisLength).ToArray();

    // The spectrum's total for an ideal tone of the same amplitude at the output rate: what 0 dBc means.
    private static double ReferencePower(int outRate) => PowerSpectrum(Sine(AnalysisLength, outRate / 8.0 + 3.3, outRate)).Sum();

    private static float[] Sine(int count, double frequency, int rate, double phase = 0) =>
        Enumerable.Range(0, count).Select(i => (float)(Amplitude * Math.Sin((2 * Math.PI * frequency * i / rate) + phase))).ToArray();

    private static double RoundTripResampler(ResamplerQuality quality)
    {
        var up = new PolyphaseResampler(8000, 48000, quality);
        var down = new PolyphaseResampler(48000, 8000, quality);
        var input = Sine(8000, 1000, 8000, 0.3);
        var output = new float[input.Length];
        var wide = new float[960];
        for (var offset = 0; offset < input.Length; offset += 160)
        {
            up.Process(input.AsSpan(offset, 160), wide);
            down.Process(wide, output.AsSpan(offset, 160));
        }

        return GainDb(output.AsSpan(2000, 4000));
    }

    private static double RoundTripPhonePath()
    {
        var inbound = new PhoneInbound(StreamCodec.Pcmu);
        var outbound = new PhoneOutbound(StreamCodec.Pcmu);
        var input = Sine(8000, 1000, 8000, 0.3);
        var payload = new byte[160];
        var block = new float[960];
        var heard = new byte[input.Length];
        for (var frame = 0; frame < input.Length / 160; frame++)
        {
            MuLaw.Encode(input.AsSpan(frame * 160, 160), payload);
            inbound.PushFrame(frame, payload);
            inbound.Read(block);
            outbound.Encode(block, heard.AsSpan(frame * 160, 160));
        }

        var decoded = new float[heard.Length];
        MuLaw.Decode(heard, decoded);
        return GainDb(decoded.AsSpan(2000, 4000));
    }

    // resample_poly per 20 ms frame (AudioopStyleLine's model) on a steady 1 kHz tone, analysed like the sweep.
    private static double PerFrameScipyProductsDb()
    {
        var input = Sine(AnalysisLength / 6 + 320, 1000, 8000);
        var output = new List<double>();
        for (var offset = 0; offset + 160 <= input.Length; offset += 160)
        {
            output.AddRange(AudioopStyleLine.ResamplePoly(input.AsSpan(offset, 160).ToArray().Select(v => (double)v).ToArray(), 6, 1));
        }

        var middle = output.Skip(960).Take(AnalysisLength).Select(v => (float)v).ToArray();
        var power = PowerSpectrum(middle);
        var toneBin = (int)Math.Round(1000.0 * AnalysisLength / 48000);
        var products = power.Where((_, bin) => Math.Abs(bin - toneBin) > GuardBins).Sum();
        return 10 * Math.Log10(products / ReferencePower(48000));
    }

    private static double GainDb(ReadOnlySpan<float> x)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * 1000 / 8000);
        double s1 = 0, s2 = 0;
        foreach (var v in x)
        {
            var s0 = v + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        var amplitude = 2 * Math.Sqrt(Math.Max((s1 * s1) + (s2 * s2) - (coefficient * s1 * s2), 0)) / x.Length;
        return 20 * Math.Log10(amplitude / Amplitude);
    }

    // Power per bin (0 … N/2) of the 4-term Blackman-Harris-windowed signal; N a power of two.
    private static double[] PowerSpectrum(ReadOnlySpan<float> x)
    {
        var n = x.Length;
        var bins = new Complex[n];
        for (var i = 0; i < n; i++)
        {
            var t = 2 * Math.PI * i / n;
            bins[i] = x[i] * (0.35875 - (0.48829 * Math.Cos(t)) + (0.14128 * Math.Cos(2 * t)) - (0.01168 * Math.Cos(3 * t)));
        }

        Fft(bins);
        return bins.Take((n / 2) + 1).Select(c => c.Magnitude * c.Magnitude).ToArray();
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

        for (var length = 2; length <= n; length <<= 1)
        {
            var step = Complex.FromPolarCoordinates(1, -2 * Math.PI / length);
            for (var start = 0; start < n; start += length)
            {
                var w = Complex.One;
                for (var k = 0; k < length / 2; k++)
                {
                    var u = a[start + k];
                    var v = a[start + k + (length / 2)] * w;
                    a[start + k] = u + v;
                    a[start + k + (length / 2)] = u - v;
                    w *= step;
                }
            }
        }
    }
}
