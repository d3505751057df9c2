namespace RadioStudio.Tests.Engine.Speech;

/// <summary>Deterministic test signals at 16 kHz: speech-like bursts (a voiced harmonic sound with formants and syllables), noise, tones.</summary>
internal static class SyntheticSpeech
{
    public const int Rate = 16_000;

    public static float[] Silence(double seconds) => new float[(int)(seconds * Rate)];

    /// <summary>White noise at <paramref name="dbfs"/> RMS (seeded).</summary>
    public static float[] Noise(double seconds, double dbfs, int seed = 1, bool lowPass = false)
    {
        var random = new Random(seed);
        var samples = new float[(int)(seconds * Rate)];
        var amplitude = Math.Pow(10, dbfs / 20) * Math.Sqrt(3);
        double state = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var white = ((random.NextDouble() * 2) - 1) * amplitude;
            state = lowPass ? (0.7 * state) + (0.3 * white * 2.4) : white;
            samples[i] = (float)state;
        }

        return samples;
    }

    /// <summary>A sine at <paramref name="dbfs"/> RMS.</summary>
    public static float[] Tone(double seconds, double hz, double dbfs)
    {
        var samples = new float[(int)(seconds * Rate)];
        var amplitude = Math.Pow(10, dbfs / 20) * Math.Sqrt(2);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(amplitude * Math.Sin(2 * Math.PI * hz * i / Rate));
        }

        return samples;
    }

    /// <summary>
    /// A voiced, speech-like burst: 120 Hz pitch with vibrato, harmonics shaped by formants near 600 and 1700 Hz,
    /// four syllables a second, 10 ms raised-cosine attack and release, peak RMS about <paramref name="dbfs"/>.
    /// </summary>
    public static float[] Burst(double seconds, double dbfs = -20)
    {
        var samples = new float[(int)(seconds * Rate)];
        var phase = 0.0;
        double sumSquares = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var t = (double)i / Rate;
            var f0 = 120 + (8 * Math.Sin(2 * Math.PI * 5 * t));
            phase += 2 * Math.PI * f0 / Rate;
            double value = 0;
            for (var k = 1; k * 120 < 3800; k++)
            {
                var f = k * 120.0;
                var weight = (1 / (1 + Math.Pow((f - 600) / 200, 2))) + (0.5 / (1 + Math.Pow((f - 1700) / 300, 2)));
                value += weight * Math.Sin(k * phase);
            }

            var syllables = 0.5 + (0.5 * Math.Abs(Math.Sin(Math.PI * 4 * t)));
            var edge = Math.Min(Math.Min(t, seconds - t) / 0.01, 1);
            var envelope = syllables * (0.5 - (0.5 * Math.Cos(Math.PI * edge)));
            samples[i] = (float)(value * envelope);
            sumSquares += samples[i] * samples[i];
        }

        // Scale so the loudest syllables sit near dbfs (the mean is about 2 dB under the peaks).
        var rms = Math.Sqrt(sumSquares / Math.Max(samples.Length, 1));
        var gain = Math.Pow(10, (dbfs - 2) / 20) / Math.Max(rms, 1e-9);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(samples[i] * gain);
        }

        return samples;
    }

    public static float[] Concat(params float[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>Adds <paramref name="b"/> onto <paramref name="a"/> from sample 0 (lengths may differ; the result is the longer).</summary>
    public static float[] Mix(float[] a, float[] b)
    {
        var result = new float[Math.Max(a.Length, b.Length)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (i < a.Length ? a[i] : 0) + (i < b.Length ? b[i] : 0);
        }

        return result;
    }
}
