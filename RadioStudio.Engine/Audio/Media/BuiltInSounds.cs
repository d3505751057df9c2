namespace RadioStudio.Engine.Audio.Media;

/// <summary>
/// The cart's synthesised sounds at 48 kHz, so phone events make the right noise with no files:
/// North American call-progress tones (ringback 440+480 Hz, busy 480+620 Hz), a hang-up, and a stinger.
/// Every tone burst has 5 ms raised-cosine edges so it starts and stops without a click; levels are
/// 0.2 (−14 dBFS) per tone.
/// </summary>
internal static class BuiltInSounds
{
    public const string Ring = "ring";
    public const string Busy = "busy";
    public const string Hangup = "hangup";
    public const string Stinger = "stinger";

    public const double ToneAmplitude = 0.2;

    private const int Rate = AudioClock.SampleRate;
    private const int EdgeSamples = Rate / 200;

    /// <summary>In cart order.</summary>
    public static IReadOnlyList<CartItem> All { get; } =
    [
        Item(Ring, "Ring", RingTone()),
        Item(Busy, "Busy", BusyTone()),
        Item(Hangup, "Hang-up", HangupSound()),
        Item(Stinger, "Stinger", StingerSound()),
    ];

    /// <summary>One ring of North American ringback: 440 + 480 Hz for 2 s (the 4 s off is the caller's to time).</summary>
    public static float[] RingTone()
    {
        var samples = new float[2 * Rate];
        AddBurst(samples, 0, samples.Length, 440, 480);
        return samples;
    }

    /// <summary>North American busy: 480 + 620 Hz, 0.5 s on / 0.5 s off, three cycles (3 s).</summary>
    public static float[] BusyTone()
    {
        var samples = new float[3 * Rate];
        for (var cycle = 0; cycle < 3; cycle++)
        {
            AddBurst(samples, cycle * Rate, Rate / 2, 480, 620);
        }

        return samples;
    }

    /// <summary>
    /// The far end hanging up as the studio hears it: the hook-switch clunk (a 2 ms pulse and a 30 ms
    /// damped 180 Hz thump), 150 ms of nothing, then 0.3 s of North American dial tone (350 + 440 Hz).
    /// </summary>
    public static float[] HangupSound()
    {
        var samples = new float[(int)(0.48 * Rate)];
        var pulse = Rate / 500;
        for (var n = 0; n < pulse; n++)
        {
            samples[n] = (float)(0.6 * Math.Sin(Math.PI * n / pulse));
        }

        for (var n = 0; n < (int)(0.03 * Rate); n++)
        {
            var t = (double)n / Rate;
            samples[n] += (float)(0.4 * Math.Exp(-t / 0.006) * Math.Sin(2 * Math.PI * 180 * t));
        }

        AddBurst(samples, (int)(0.18 * Rate), (int)(0.3 * Rate), 350, 440);
        return samples;
    }

    /// <summary>A bright rising arpeggio (C5 E5 G5 C6, 120 ms apart, plucked decays), peaking at −6 dBFS.</summary>
    public static float[] StingerSound()
    {
        double[] notes = [523.25, 659.26, 783.99, 1046.50];
        var samples = new double[(int)(0.95 * Rate)];
        for (var k = 0; k < notes.Length; k++)
        {
            var start = (int)(k * 0.12 * Rate);
            for (var n = start; n < samples.Length; n++)
            {
                var t = (double)(n - start) / Rate;
                var envelope = Math.Min(1, t / 0.004) * Math.Exp(-t / 0.25);
                var tone = Math.Sin(2 * Math.PI * notes[k] * t) + (0.3 * Math.Sin(4 * Math.PI * notes[k] * t)) + (0.1 * Math.Sin(6 * Math.PI * notes[k] * t));
                samples[n] += envelope * tone;
            }
        }

        // End on a short fade so the decay tail does not stop dead.
        for (var n = samples.Length - EdgeSamples; n < samples.Length; n++)
        {
            samples[n] *= (double)(samples.Length - n) / EdgeSamples;
        }

        var gain = 0.5 / samples.Max(Math.Abs);
        return samples.Select(v => (float)(v * gain)).ToArray();
    }

    private static CartItem Item(string id, string title, float[] samples) => new(id, title, samples) { IsBuiltIn = true };

    // Two tones of equal level from start to start + length, with raised-cosine edges.
    private static void AddBurst(float[] samples, int start, int length, double first, double second)
    {
        for (var n = 0; n < length; n++)
        {
            var t = (double)n / Rate;
            var edge = Math.Min(1, (double)Math.Min(n, length - 1 - n) / EdgeSamples);
            var shape = 0.5 - (0.5 * Math.Cos(Math.PI * edge));
            samples[start + n] += (float)(ToneAmplitude * shape * (Math.Sin(2 * Math.PI * first * t) + Math.Sin(2 * Math.PI * second * t)));
        }
    }
}
