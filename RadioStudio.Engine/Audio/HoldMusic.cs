namespace RadioStudio.Engine.Audio;

/// <summary>
/// Synthesises the hold-music bed: a slow I–vi–IV–V pad in C major with soft additive voices, gentle
/// crossfades between chords and a little tremolo, peaking at −12 dBFS. Every partial is below
/// 2.1 kHz so it survives a phone line, and the bed is exactly periodic over its length (the last
/// chord crossfades into the first through the loop point), so it loops without a click.
/// Deterministic: the same arguments always give the same samples.
/// </summary>
public static class HoldMusic
{
    private const double BarSeconds = 2.4;
    private const double CrossfadeSeconds = 0.8;
    private const double TremoloHz = 3.5;
    private const double TremoloDepth = 0.1;
    private const double PeakDbfs = -12;

    // MIDI notes and weights: low root and fifth (only their harmonics reach a phone), then the upper voicing.
    private static readonly int[][] Chords =
    [
        [48, 55, 64, 67, 72], // C
        [45, 52, 64, 69, 72], // Am
        [41, 48, 65, 69, 72], // F
        [43, 50, 62, 67, 71], // G
    ];

    private static readonly double[] VoiceWeights = [0.5, 0.6, 0.5, 0.45, 0.3];

    // Fundamental plus a soft 2nd and a triangle-like 3rd harmonic.
    private static readonly (int Harmonic, double Weight)[] Partials = [(1, 1.0), (2, 0.2), (3, 1.0 / 9)];

    /// <summary>Renders <paramref name="length"/> of hold music (rounded to whole samples) at <paramref name="sampleRate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is below 8 kHz or above 192 kHz, or the length is not between 1 s and 10 min.</exception>
    public static float[] Generate(int sampleRate, TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleRate, 192000);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, TimeSpan.FromMinutes(10));
        var loopSamples = (int)Math.Round(length.TotalSeconds * sampleRate);
        return Render(sampleRate, loopSamples, loopSamples);
    }

    /// <summary>
    /// Renders <paramref name="count"/> samples of a bed that repeats every <paramref name="loopSamples"/>;
    /// asking for more than one loop shows the seam continuing exactly as the loop restarts.
    /// </summary>
    internal static float[] Render(int sampleRate, int loopSamples, int count)
    {
        var loopSeconds = (double)loopSamples / sampleRate;
        var bars = (int)Math.Max(1, Math.Round(loopSeconds / BarSeconds));
        if (bars >= 4)
        {
            bars = (int)Math.Round(bars / 4.0) * 4; // end on V so the loop resolves back to I
        }

        var bar = loopSeconds / bars;
        var fade = Math.Min(CrossfadeSeconds, bar / 2);
        var raw = new double[count];
        for (var index = 0; index < bars; index++)
        {
            // Each chord sounds from half a fade before its bar to half a fade after; what falls past
            // either end of the loop lands at the other end, which is what makes the seam invisible.
            var onset = (index * bar) - (fade / 2);
            var chord = Chords[index % Chords.Length];
            var first = (int)Math.Ceiling(onset * sampleRate);
            var end = (int)Math.Ceiling((onset + bar + fade) * sampleRate);
            for (var n = first; n < end; n++)
            {
                var local = ((double)n / sampleRate) - onset;
                var value = Envelope(local, bar, fade) * Voices(chord, local);
                for (var i = ((n % loopSamples) + loopSamples) % loopSamples; i < count; i += loopSamples)
                {
                    raw[i] += value;
                }
            }
        }

        var peak = raw.Take(loopSamples).Max(Math.Abs);
        var gain = Math.Pow(10, PeakDbfs / 20) / peak;
        return raw.Select(v => (float)(v * gain)).ToArray();
    }

    // sin² fade in, hold, cos² fade out: overlapping neighbours always sum to 1, so chord changes swell, never dip.
    private static double Envelope(double local, double bar, double fade)
    {
        var fadeIn = Math.Min(1, local / fade);
        var fadeOut = Math.Min(1, (bar + fade - local) / fade);
        var shape = Math.Sin(Math.PI / 2 * fadeIn) * Math.Sin(Math.PI / 2 * fadeOut);
        var tremolo = 1 - (TremoloDepth * (0.5 - (0.5 * Math.Cos(2 * Math.PI * TremoloHz * local))));
        return shape * shape * tremolo;
    }

    private static double Voices(int[] chord, double local)
    {
        var sum = 0.0;
        for (var v = 0; v < chord.Length; v++)
        {
            var frequency = 440 * Math.Pow(2, (chord[v] - 69) / 12.0);
            foreach (var (harmonic, weight) in Partials)
            {
                sum += VoiceWeights[v] * weight * Math.Sin(2 * Math.PI * frequency * harmonic * local);
            }
        }

        return sum;
    }
}
