using System.Buffers.Binary;
using RadioStudio.Engine.Audio.Codecs;

namespace RadioStudio.Bench;

/// <summary>
/// The replaced show's per-frame audio path, modelled in C# call for call: CPython <c>audioop</c> for
/// G.711 (a new <c>bytes</c> object per call) and NumPy/SciPy for the rest (float64 arrays, a new array
/// per operation). The sample-rate conversion is <c>scipy.signal.resample_poly(x, up, down)</c> called on
/// every 20 ms frame, as a general-purpose resampler is used when it has no streaming API: each call
/// designs its FIR with <c>firwin(2·10·max(up, down) + 1, 1/max(up, down), window=('kaiser', 5.0))</c>,
/// pads it, builds the polyphase table (<c>upfirdn</c>), filters with zero history on both sides of the
/// frame, and allocates the output. Only the arithmetic and the arrays are modelled, not the
/// interpreter, so this baseline is faster than the real thing: the ratio against it is a lower bound.
/// </summary>
internal sealed class AudioopStyleLine
{
    /// <summary>Kaiser β of resample_poly's default window.</summary>
    private const double KaiserBeta = 5.0;

    // CPython audioop's seg_uend: the μ-law segment end points that st_14linear2ulaw searches linearly.
    private static readonly short[] SegmentEnds = [0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF];

    // The jitter buffer: a dict of sequence number → the decoded bytes object.
    private readonly Dictionary<long, byte[]> _jitter = [];
    private long _playNext;

    /// <summary>Network side: <c>jitter[seq] = audioop.ulaw2lin(payload, 2)</c>.</summary>
    public void PushFrame(long sequence, ReadOnlySpan<byte> payload) => _jitter[sequence] = Ulaw2Lin(payload);

    /// <summary>
    /// Clock side: pop the next frame, <c>np.frombuffer(pcm, '&lt;i2') / 32768.0</c>, then
    /// <c>resample_poly(x, 6, 1)</c>; a new float64 array of 960 samples.
    /// </summary>
    public double[] Read()
    {
        var x = new double[160];
        if (_jitter.Remove(_playNext++, out var pcm))
        {
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = BinaryPrimitives.ReadInt16LittleEndian(pcm.AsSpan(2 * i)) / 32768.0;
            }
        }

        return ResamplePoly(x, 6, 1);
    }

    /// <summary>
    /// Return side for one caller: <c>mm = program - own</c> (a new array), <c>resample_poly(mm, 1, 6)</c>,
    /// <c>np.clip(y * 32768, -32768, 32767).astype('&lt;i2').tobytes()</c>, <c>audioop.lin2ulaw(pcm, 2)</c>.
    /// </summary>
    public static byte[] Encode(double[] program, double[] own)
    {
        var mixMinus = new double[program.Length];
        for (var i = 0; i < mixMinus.Length; i++)
        {
            mixMinus[i] = program[i] - own[i];
        }

        var y = ResamplePoly(mixMinus, 1, 6);
        var pcm = new byte[y.Length * 2];
        for (var i = 0; i < y.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(2 * i), (short)Math.Clamp(y[i] * 32768, -32768, 32767));
        }

        return Lin2Ulaw(pcm);
    }

    /// <summary><c>audioop.ulaw2lin(fragment, 2)</c>: a new bytes object, native (little-endian) int16, from CPython's decode table.</summary>
    public static byte[] Ulaw2Lin(ReadOnlySpan<byte> fragment)
    {
        var result = new byte[fragment.Length * 2];
        for (var i = 0; i < fragment.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(result.AsSpan(2 * i), MuLaw.Decode(fragment[i]));
        }

        return result;
    }

    /// <summary><c>audioop.lin2ulaw(fragment, 2)</c>: a new bytes object; CPython's st_14linear2ulaw searches the segment per sample.</summary>
    public static byte[] Lin2Ulaw(ReadOnlySpan<byte> fragment)
    {
        var result = new byte[fragment.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            int pcm = (short)(BinaryPrimitives.ReadInt16LittleEndian(fragment[(2 * i)..]) >> 2);
            var mask = 0xFF;
            if (pcm < 0)
            {
                pcm = -pcm;
                mask = 0x7F;
            }

            pcm = Math.Min(pcm, 8159) + (0x84 >> 2);
            var segment = 0;
            while (segment < SegmentEnds.Length && pcm > SegmentEnds[segment])
            {
                segment++;
            }

            result[i] = segment >= 8 ? (byte)(0x7F ^ mask) : (byte)(((segment << 4) | ((pcm >> (segment + 1)) & 0x0F)) ^ mask);
        }

        return result;
    }

    /// <summary>
    /// <c>scipy.signal.resample_poly(x, up, down)</c> (default Kaiser window, β = 5), step for step:
    /// design, scale by up, pad, upfirdn, keep the aligned middle. No state survives the call.
    /// </summary>
    public static double[] ResamplePoly(double[] x, int up, int down)
    {
        var nIn = x.Length;
        var nOut = ((nIn * up) / down) + ((nIn * up) % down == 0 ? 0 : 1);
        var maxRate = Math.Max(up, down);
        var halfLength = 10 * maxRate;
        var h = Firwin((2 * halfLength) + 1, 1.0 / maxRate);
        for (var i = 0; i < h.Length; i++)
        {
            h[i] *= up;
        }

        var prePad = down - (halfLength % down);
        var postPad = 0;
        var preRemove = (halfLength + prePad) / down;
        while (OutputLength(h.Length + prePad + postPad, nIn, up, down) < nOut + preRemove)
        {
            postPad++;
        }

        // np.concatenate((zeros(pre), h, zeros(post))): a new array.
        var padded = new double[prePad + h.Length + postPad];
        h.CopyTo(padded, prePad);
        var y = Upfirdn(padded, x, up, down);

        // y[pre_remove:pre_remove + n_out] is a view in NumPy; the copy stands for the float64 → next-step array.
        return y.AsSpan(preRemove, nOut).ToArray();
    }

    // scipy.signal.firwin(numtaps, cutoff, window=('kaiser', 5.0)): low-pass, scaled to unity gain at DC.
    private static double[] Firwin(int taps, double cutoff)
    {
        var alpha = 0.5 * (taps - 1);
        var m = new double[taps];
        var h = new double[taps];
        var window = new double[taps];
        var i0Beta = BesselI0(KaiserBeta);
        for (var n = 0; n < taps; n++)
        {
            m[n] = n - alpha;
            h[n] = cutoff * Sinc(cutoff * m[n]);
            var r = (n - alpha) / alpha;
            window[n] = BesselI0(KaiserBeta * Math.Sqrt(1 - (r * r))) / i0Beta;
        }

        var sum = 0.0;
        for (var n = 0; n < taps; n++)
        {
            h[n] *= window[n];
            sum += h[n];
        }

        for (var n = 0; n < taps; n++)
        {
            h[n] /= sum;
        }

        return h;
    }

    // scipy.signal.upfirdn: h reshaped per phase (a new array), then each output is one phase's dot product.
    private static double[] Upfirdn(double[] h, double[] x, int up, int down)
    {
        var perPhase = (h.Length + up - 1) / up;
        var transposed = new double[perPhase * up];
        for (var k = 0; k < h.Length; k++)
        {
            transposed[((k % up) * perPhase) + (k / up)] = h[k];
        }

        var y = new double[OutputLength(h.Length, x.Length, up, down)];
        for (var j = 0; j < y.Length; j++)
        {
            var t = j * down;
            var phase = t % up;
            var newest = t / up;
            var row = phase * perPhase;
            var sum = 0.0;
            for (var k = 0; k < perPhase; k++)
            {
                var index = newest - k;
                if (index < 0)
                {
                    break;
                }

                if (index < x.Length)
                {
                    sum += transposed[row + k] * x[index];
                }
            }

            y[j] = sum;
        }

        return y;
    }

    private static int OutputLength(int filterLength, int inputLength, int up, int down) =>
        ((((inputLength - 1) * up) + filterLength - 1) / down) + 1;

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    // scipy.special.i0 (Cephes uses a Chebyshev expansion; the power series costs about the same at β = 5).
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
