using System.Runtime.CompilerServices;

namespace RadioStudio.Engine.Audio.Nodes;

/// <summary>
/// A true-peak limiter for the program bus, with no added latency so the program stays aligned with every
/// other bus and mix-minus stays exact. Each 20 ms block is known whole before it goes out, so the gain
/// ramps down ahead of a peak inside the block (the block is the look-ahead); inter-sample peaks are found by
/// 4× oversampling; the gain never exceeds ceiling ÷ peak at any sample or inter-sample point, so a peak at
/// the very start of a block is met with a step rather than let through. Below the ceiling the gain is exactly
/// 1 and samples pass bit for bit. Runs on the clock thread: no allocation, lock or log.
/// </summary>
public sealed class TruePeakLimiter
{
    /// <summary>Inter-sample points measured between two samples (4× oversampling, as ITU-R BS.1770).</summary>
    public const int Oversampling = 4;

    private const int HalfTaps = 6;
    private const float DetectionMargin = 0.9943f;
    private static readonly float[][] Phases = BuildPhases();

    private readonly float[] _history = new float[HalfTaps * 2];
    private readonly float[] _gain;
    private readonly float _ceiling;
    private readonly int _attackSamples;
    private readonly float _releaseCoefficient;
    private float _lastGain = 1f;
    private int _lastLength;

    /// <summary>Creates a limiter for blocks of up to <paramref name="maxBlock"/> samples.</summary>
    /// <param name="ceilingDb">The highest true peak let out, in dBFS (−1 by default).</param>
    /// <param name="sampleRate">Samples per second.</param>
    /// <param name="maxBlock">The longest block <see cref="Process"/> is given.</param>
    /// <param name="attackMs">How long the gain takes to come down ahead of a peak.</param>
    /// <param name="releaseMs">Time constant of the gain's return to unity.</param>
    public TruePeakLimiter(float ceilingDb = -1f, int sampleRate = 48_000, int maxBlock = 960, float attackMs = 2f, float releaseMs = 150f)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ceilingDb, 0f);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlock, 1);
        _ceiling = MathF.Pow(10f, ceilingDb / 20f);
        _gain = RealtimeMemory.Array<float>(maxBlock);
        _attackSamples = Math.Max(1, (int)(sampleRate * attackMs / 1000f));
        _releaseCoefficient = 1f - MathF.Exp(-1f / (sampleRate * releaseMs / 1000f));
    }

    /// <summary>The highest true peak let out, as a linear amplitude.</summary>
    public float Ceiling => _ceiling;

    /// <summary>The gain applied to the last sample processed (1 = not limiting).</summary>
    public float CurrentGain => _lastGain;

    /// <summary>The per-sample gain of the last block (1 where nothing was limited); apply it to anything derived from the unlimited block.</summary>
    public ReadOnlySpan<float> LastGains => _gain.AsSpan(0, _lastLength);

    /// <summary>Whether any sample of the last block was turned down.</summary>
    public bool Limited { get; private set; }

    /// <summary>Limits <paramref name="block"/> in place.</summary>
    public void Process(Span<float> block)
    {
        var length = block.Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _gain.Length, nameof(block));
        _lastLength = length;
        var gain = _gain.AsSpan(0, length);

        // 1. The gain each sample may have at most: ceiling ÷ the highest peak at it or next to it.
        var anyOver = RequiredGains(block, gain);
        if (!anyOver && _lastGain == 1f)
        {
            gain.Fill(1f);
            Limited = false;
            return;
        }

        // 2. Backwards: ramp down over the attack ahead of each peak (never above what each sample allows).
        var step = 1f / _attackSamples;
        for (var n = length - 2; n >= 0; n--)
        {
            gain[n] = Math.Min(gain[n], gain[n + 1] + step);
        }

        // 3. Forwards: release smoothly back to unity, never above the limit computed above.
        var g = _lastGain;
        var limited = false;
        for (var n = 0; n < length; n++)
        {
            // The linear floor keeps the release moving where (1 − g)·c falls below a float step of 1.
            var released = g + Math.Max((1f - g) * _releaseCoefficient, _releaseCoefficient * 0.01f);
            if (released > 0.99999f)
            {
                released = 1f;
            }

            g = Math.Min(gain[n], released);
            gain[n] = g;
            if (g < 1f)
            {
                block[n] *= g;
                limited = true;
            }
        }

        _lastGain = g;
        Limited = limited;
    }

    /// <summary>Multiplies <paramref name="signal"/> by the last block's gains (e.g. a caller's mix-minus of the unlimited program).</summary>
    public void ApplyLastGains(Span<float> signal)
    {
        if (!Limited)
        {
            return;
        }

        var gain = _gain.AsSpan(0, Math.Min(_lastLength, signal.Length));
        for (var n = 0; n < gain.Length; n++)
        {
            signal[n] *= gain[n];
        }
    }

    private bool RequiredGains(ReadOnlySpan<float> block, Span<float> gain)
    {
        // Aim a hair (0.05 dB) under the ceiling: a 4× reading can miss a true peak by a few hundredths of a dB.
        var ceiling = _ceiling * DetectionMargin;
        var history = _history;
        var anyOver = false;
        gain.Fill(1f);
        for (var n = 0; n < block.Length; n++)
        {
            var peak = Math.Abs(block[n]);

            // Inter-sample points between n−1 and n, from HalfTaps samples either side (future ones past the
            // block's end are taken as the last sample held; the step in step 3 covers what that misses).
            for (var p = 0; p < Phases.Length; p++)
            {
                var taps = Phases[p];
                var sum = 0f;
                for (var t = 0; t < taps.Length; t++)
                {
                    sum += taps[t] * SampleAt(block, history, n - HalfTaps + t);
                }

                peak = Math.Max(peak, Math.Abs(sum));
            }

            if (peak > ceiling)
            {
                anyOver = true;
                var allowed = ceiling / peak;
                gain[n] = Math.Min(gain[n], allowed);
                if (n > 0)
                {
                    gain[n - 1] = Math.Min(gain[n - 1], allowed);
                }
            }
        }

        // Keep the block's tail for the next block's first inter-sample points.
        var keep = Math.Min(history.Length, block.Length);
        if (keep < history.Length)
        {
            history.AsSpan(keep).CopyTo(history);
        }

        block[^keep..].CopyTo(history.AsSpan(history.Length - keep));
        return anyOver;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float SampleAt(ReadOnlySpan<float> block, float[] history, int index)
    {
        if (index < 0)
        {
            return history[history.Length + index];
        }

        return index < block.Length ? block[index] : block[^1];
    }

    /// <summary>Hann-windowed sinc taps for the points 1/4, 2/4 and 3/4 of the way from sample n−1 to n.</summary>
    private static float[][] BuildPhases()
    {
        var phases = new float[Oversampling - 1][];
        var taps = HalfTaps * 2;
        for (var p = 1; p < Oversampling; p++)
        {
            // Tap t weighs sample n − HalfTaps + t; the point sits at n − 1 + p/4.
            var position = HalfTaps - 1 + (p / (double)Oversampling);
            var phase = new float[taps];
            var sum = 0.0;
            var coefficients = new double[taps];
            for (var t = 0; t < taps; t++)
            {
                var x = position - t;
                var sinc = Math.Abs(x) < 1e-12 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);
                var window = 0.5 + (0.5 * Math.Cos(Math.PI * x / (HalfTaps + 1)));
                coefficients[t] = sinc * window;
                sum += coefficients[t];
            }

            for (var t = 0; t < taps; t++)
            {
                phase[t] = (float)(coefficients[t] / sum);
            }

            phases[p - 1] = phase;
        }

        return phases;
    }
}
