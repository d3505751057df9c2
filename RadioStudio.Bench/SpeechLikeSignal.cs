using RadioStudio.Engine.Audio.Codecs;

namespace RadioStudio.Bench;

/// <summary>
/// A voiced, speech-like test signal for the phone-path benchmarks: a glottal-like harmonic series
/// (−6 dB/octave, f0 gliding ±12 % around the talker's pitch) shaped by three formants that move
/// between vowels at a syllable rate of 4 Hz, with syllable envelopes, a pause and a little breath
/// noise, band-limited to 3.6 kHz and normalised to −20 dBFS RMS. What matters for timing is that
/// every μ-law code path (all segments, both signs) is exercised as real speech would.
/// </summary>
internal static class SpeechLikeSignal
{
    private const int Rate = 8000;

    // (F1, F2, F3) in Hz of the vowels the formants cycle through: /a/, /i/, /u/, /e/, /o/.
    private static readonly (double F1, double F2, double F3)[] Vowels =
        [(730, 1090, 2440), (270, 2290, 3010), (300, 870, 2240), (530, 1840, 2480), (570, 840, 2410)];

    /// <summary>Float samples at 8 kHz in [-1, 1).</summary>
    public static float[] Generate(int samples, double pitchHz, int seed)
    {
        var random = new Random(seed);
        var signal = new double[samples];
        var phase = 0.0;
        for (var i = 0; i < samples; i++)
        {
            var t = (double)i / Rate;
            var f0 = pitchHz * (1 + (0.12 * Math.Sin(2 * Math.PI * 0.7 * t)) + (0.04 * Math.Sin(2 * Math.PI * 3.1 * t)));
            phase += 2 * Math.PI * f0 / Rate;

            // Syllables at 4 Hz; formants glide from one vowel to the next across each syllable.
            var syllable = t * 4;
            var index = (int)syllable;
            var within = syllable - index;
            var (a1, a2, a3) = Vowels[(index + seed) % Vowels.Length];
            var (b1, b2, b3) = Vowels[(index + seed + 1) % Vowels.Length];
            var glide = within * within * (3 - (2 * within));
            double F(double a, double b) => a + ((b - a) * glide);
            var formants = (F(a1, b1), F(a2, b2), F(a3, b3));

            var voiced = 0.0;
            for (var k = 1; k * f0 < 3600; k++)
            {
                voiced += FormantGain(k * f0, formants) / k * Math.Sin(k * phase);
            }

            // Every fifth syllable is a pause; the others rise and fall.
            var envelope = index % 5 == 4 ? 0 : Math.Pow(Math.Sin(Math.PI * within), 0.6);
            signal[i] = (envelope * voiced) + (0.01 * ((random.NextDouble() * 2) - 1));
        }

        var rms = Math.Sqrt(signal.Sum(v => v * v) / samples);
        var scale = 0.1 / rms; // −20 dBFS
        return signal.Select(v => (float)Math.Clamp(v * scale, -0.99, 0.99)).ToArray();
    }

    /// <summary>The same signal as μ-law bytes, one per sample.</summary>
    public static byte[] GenerateMuLaw(int samples, double pitchHz, int seed)
    {
        var pcm = Generate(samples, pitchHz, seed);
        var bytes = new byte[samples];
        MuLaw.Encode(pcm, bytes);
        return bytes;
    }

    // Three resonances (bandwidths 80/100/150 Hz) over a small floor, like a vocal tract's envelope.
    private static double FormantGain(double frequency, (double F1, double F2, double F3) f) =>
        0.02
        + (1.0 / (1 + Math.Pow((frequency - f.F1) / 80, 2)))
        + (0.5 / (1 + Math.Pow((frequency - f.F2) / 100, 2)))
        + (0.25 / (1 + Math.Pow((frequency - f.F3) / 150, 2)));
}
