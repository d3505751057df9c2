using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Simulator;
using RadioStudio.Web.Hosting;

namespace RadioStudio.Bench;

/// <summary>What one caller received: decoded samples, each with the arrival time of its frame.</summary>
internal sealed class ReceivedTimeline
{
    private readonly float[] _samples;
    private readonly long[] _frameArrival; // per received frame
    private readonly int[] _frameStart; // first sample index of each frame

    private ReceivedTimeline(float[] samples, long[] arrival, int[] start) => (_samples, _frameArrival, _frameStart) = (samples, arrival, start);

    public static ReceivedTimeline Of(SimulatedCall call)
    {
        var frames = call.ReceivedFrames();
        var bytes = call.ReceivedAudio();
        var samples = new float[bytes.Length];
        StreamCodec.Pcmu.Decode(bytes, samples);
        var starts = new int[frames.Length];
        var position = 0;
        for (var i = 0; i < frames.Length; i++)
        {
            starts[i] = position;
            position += frames[i].PayloadLength;
        }

        return new ReceivedTimeline(samples, [.. frames.Select(f => f.ArrivalTimestamp)], starts);
    }

    /// <summary>
    /// The burst at <paramref name="frequency"/> sent at <paramref name="sentAt"/>: the first sample, within
    /// 300 ms of frames arriving from then on, where the tone's envelope (Goertzel over one period) reaches half
    /// its steady level, for a linear-phase filter chain the point delayed by exactly the group delay.
    /// </summary>
    public (long FrameArrival, int Offset, double LevelDb)? Onset(long sentAt, double frequency)
    {
        var first = Array.FindIndex(_frameArrival, a => a >= sentAt);
        if (first < 0)
        {
            return null;
        }

        var from = _frameStart[first];
        var to = Math.Min(_samples.Length, from + (LatencyRunner.Rate * 3 / 10)); // 300 ms: far more than the path, far less than the burst spacing
        var period = (int)Math.Round(LatencyRunner.Rate / frequency * 2); // two periods: smooth enough, still sharp
        var envelope = new double[Math.Max(0, to - from)];
        for (var n = from + period; n < to; n++)
        {
            envelope[n - from] = Goertzel(_samples.AsSpan(n - period, period), frequency);
        }

        var peak = envelope.Length == 0 ? 0 : envelope.Max();
        if (peak < 0.01)
        {
            return null;
        }

        // Steady level: the median of the envelope where it is above a quarter of the peak (the burst's body).
        var body = envelope.Where(e => e > peak / 4).Order().ToArray();
        var steady = body[body.Length / 2];
        var index = Array.FindIndex(envelope, e => e >= steady / 2);
        var sample = from + index - (period / 2); // the window's centre
        var frame = Array.FindLastIndex(_frameStart, s => s <= sample);
        return (_frameArrival[frame], sample - _frameStart[frame], 20 * Math.Log10(steady));
    }

    /// <summary>The strongest level at <paramref name="frequency"/> (100 ms windows) in the 400 ms from <paramref name="from"/>, in dBFS.</summary>
    public double Level(long from, double frequency)
    {
        var first = Array.FindIndex(_frameArrival, a => a >= from);
        if (first < 0)
        {
            return double.NegativeInfinity;
        }

        var start = _frameStart[first];
        var window = LatencyRunner.Rate / 10;
        var best = 1e-9;
        for (var n = start; n + window <= Math.Min(_samples.Length, start + (4 * window)); n += window / 10)
        {
            best = Math.Max(best, Goertzel(_samples.AsSpan(n, window), frequency));
        }

        return 20 * Math.Log10(best);
    }

    /// <summary>Amplitude of the <paramref name="frequency"/> component of <paramref name="x"/>.</summary>
    private static double Goertzel(ReadOnlySpan<float> x, double frequency)
    {
        var w = 2 * Math.PI * frequency / LatencyRunner.Rate;
        var (re, im) = (0.0, 0.0);
        for (var i = 0; i < x.Length; i++)
        {
            re += x[i] * Math.Cos(w * i);
            im -= x[i] * Math.Sin(w * i);
        }

        return 2 * Math.Sqrt((re * re) + (im * im)) / x.Length;
    }
}
