using System.Runtime.CompilerServices;

namespace RadioStudio.Engine.Audio.Nodes;

/// <summary>
/// Streaming, band-limited sample-rate converter for mono float audio: a Kaiser-windowed sinc split
/// into polyphase rows (see <see cref="ResamplerQuality"/>). The rate ratio is reduced by its gcd to
/// L/M; each output sample is one dot product of a precomputed row with the input history. Linear
/// phase, unity DC gain, no allocation after construction. Not thread-safe: one instance per stream.
/// </summary>
public sealed class PolyphaseResampler
{
    /// <summary>Largest reduced output factor L accepted; beyond it the coefficient table gets silly.</summary>
    public const int MaxPhases = 1024;

    private const int BlockSize = 1024;

    private readonly int _phases;
    private readonly int _decimation;
    private readonly int _taps;
    private readonly float[] _coefficients;
    private readonly float[] _buffer;
    private int _next;
    private int _phase;

    /// <summary>Creates a converter from <paramref name="inputRate"/> to <paramref name="outputRate"/> (Hz).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not positive, or the reduced ratio needs more than <see cref="MaxPhases"/> phases.</exception>
    public PolyphaseResampler(int inputRate, int outputRate, ResamplerQuality quality = ResamplerQuality.Standard)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        var gcd = Gcd(inputRate, outputRate);
        _phases = outputRate / gcd;
        _decimation = inputRate / gcd;
        if (_phases > MaxPhases)
        {
            throw new ArgumentOutOfRangeException(nameof(outputRate), outputRate, $"{inputRate} → {outputRate} Hz reduces to {_phases}/{_decimation}; at most {MaxPhases} phases are supported.");
        }

        InputRate = inputRate;
        OutputRate = outputRate;
        _taps = PolyphaseFilterDesign.TapsPerPhase(inputRate, outputRate, quality);
        _coefficients = PolyphaseFilterDesign.Build(inputRate, outputRate, _phases, _taps, quality);
        _buffer = RealtimeMemory.Array<float>(_taps - 1 + BlockSize);
    }

    /// <summary>Input sample rate (Hz).</summary>
    public int InputRate { get; }

    /// <summary>Output sample rate (Hz).</summary>
    public int OutputRate { get; }

    /// <summary>Group delay in input samples: output time t corresponds to input time t − this / <see cref="InputRate"/>.</summary>
    public int LatencyInputSamples => _taps / 2;

    /// <summary>Filter taps per output sample.</summary>
    public int TapsPerOutput => _taps;

    /// <summary>An output length that is always enough for <paramref name="inputCount"/> input samples.</summary>
    public int MaxOutputFor(int inputCount) =>
        (int)((((long)inputCount * _phases) + _decimation - 1) / _decimation);

    /// <summary>
    /// Consumes all of <paramref name="input"/> and writes every output sample that is now complete.
    /// Feeding a signal in any chunking produces the same samples as feeding it at once.
    /// </summary>
    /// <returns>Samples written to the start of <paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is too short (nothing is consumed then).</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Process(ReadOnlySpan<float> input, Span<float> output)
    {
        var ready = ReadyCount(input.Length);
        if (output.Length < ready)
        {
            throw new ArgumentException($"Output holds {output.Length} samples; {ready} are ready (see MaxOutputFor).", nameof(output));
        }

        var history = _taps - 1;
        var written = 0;
        while (!input.IsEmpty)
        {
            var count = Math.Min(input.Length, BlockSize);
            input[..count].CopyTo(_buffer.AsSpan(history));
            written += RunBlock(count, output[written..]);
            _buffer.AsSpan(count, history).CopyTo(_buffer);
            input = input[count..];
        }

        return written;
    }

    /// <summary>Forgets all history, as if newly constructed.</summary>
    public void Reset()
    {
        Array.Clear(_buffer);
        _next = 0;
        _phase = 0;
    }

    /// <summary>
    /// Converts a whole signal: the group delay is compensated and the tail flushed, so output sample k
    /// is the signal at time k / <paramref name="outputRate"/> and there are ⌈n · out / in⌉ samples.
    /// </summary>
    public static float[] ResampleAll(ReadOnlySpan<float> input, int inputRate, int outputRate, ResamplerQuality quality = ResamplerQuality.Standard)
    {
        var resampler = new PolyphaseResampler(inputRate, outputRate, quality);
        var delay = resampler.LatencyInputSamples;

        // Starting the output cursor one delay late lines output 0 up with input 0; the zeros flush the tail.
        resampler._next = delay;
        var output = new float[resampler.MaxOutputFor(input.Length + delay)];
        var written = resampler.Process(input, output);
        written += resampler.Process(new float[delay], output.AsSpan(written));
        return output.AsSpan(0, Math.Min(written, resampler.MaxOutputFor(input.Length))).ToArray();
    }

    // Outputs whose newest input sample (_next, relative to this call's input) arrives in this call.
    private int ReadyCount(int inputCount)
    {
        var remaining = ((long)inputCount * _phases) - (((long)_next * _phases) + _phase);
        return remaining <= 0 ? 0 : (int)((remaining + _decimation - 1) / _decimation);
    }

    private int RunBlock(int count, Span<float> output) =>
        _decimation == 1 ? RunInterpolating(count, output)
        : _phases == 1 ? RunDecimating(count, output)
        : RunFractional(count, output);

    // Whole-factor upsampling: each input sample yields all phases from one window.
    private int RunInterpolating(int count, Span<float> output)
    {
        var written = 0;
        var coefficients = _coefficients.AsSpan();
        for (var next = _next; next < count; next++)
        {
            var window = _buffer.AsSpan(next, _taps);
            var phase = 0;
            for (; phase + 4 <= _phases; phase += 4)
            {
                DotProduct.SharedWindow4(coefficients[(phase * _taps)..], window, output.Slice(written + phase, 4));
            }

            for (; phase < _phases; phase++)
            {
                output[written + phase] = DotProduct.Compute(coefficients.Slice(phase * _taps, _taps), window);
            }

            written += _phases;
        }

        _next = Math.Max(_next - count, 0);
        return written;
    }

    // Whole-factor downsampling: one row, windows _decimation samples apart.
    private int RunDecimating(int count, Span<float> output)
    {
        var written = 0;
        var next = _next;
        var row = _coefficients.AsSpan();
        var buffer = _buffer.AsSpan();
        for (; next + (3 * _decimation) < count; next += 4 * _decimation, written += 4)
        {
            DotProduct.SharedRow4(row, buffer[next..], _decimation, output.Slice(written, 4));
        }

        for (; next < count; next += _decimation)
        {
            output[written++] = DotProduct.Compute(row, buffer[next..]);
        }

        _next = next - count;
        return written;
    }

    private int RunFractional(int count, Span<float> output)
    {
        int next = _next, phase = _phase, written = 0;
        int step = _decimation / _phases, phaseStep = _decimation % _phases;
        var buffer = _buffer.AsSpan();
        var coefficients = _coefficients.AsSpan();
        while (next < count)
        {
            output[written++] = DotProduct.Compute(coefficients.Slice(phase * _taps, _taps), buffer[next..]);
            next += step;
            phase += phaseStep;
            if (phase >= _phases)
            {
                phase -= _phases;
                next++;
            }
        }

        _next = next - count;
        _phase = phase;
        return written;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
