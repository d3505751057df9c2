using System.Diagnostics;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Speech.Vad;

namespace RadioStudio.Bench;

/// <summary>
/// The host's voice for the <c>ai</c> runner, played into <c>AudioGraph.HostMic</c>: silence until
/// <see cref="Start"/>, then a voiced, speech-like sound from its beginning (120 Hz pitch with vibrato,
/// harmonics shaped by formants near 600 and 1700 Hz, syllables at 4 Hz, a 10 ms attack, about −20 dBFS —
/// the signal the endpointer tests accept as speech), until <see cref="Stop"/>. Switching takes effect at the
/// next 20 ms block, as a real microphone's samples would.
/// </summary>
internal sealed class HostVoice : IAudioSource
{
    private const int Rate = 48_000;
    private readonly float[] _speech;
    private volatile int _generation;
    private volatile bool _on;
    private int _readGeneration;
    private int _position;

    public HostVoice(double seconds = 30) => _speech = Generate(seconds);

    public AudioFormat Format => AudioFormat.Studio;

    /// <summary>The host starts talking (from the beginning of the sound).</summary>
    public void Start()
    {
        Interlocked.Increment(ref _generation);
        _on = true;
    }

    /// <summary>The host stops talking.</summary>
    public void Stop() => _on = false;

    public int Read(Span<float> buffer)
    {
        if (!_on)
        {
            buffer.Clear();
            return buffer.Length;
        }

        var generation = _generation;
        if (generation != _readGeneration)
        {
            _readGeneration = generation;
            _position = 0;
        }

        var take = Math.Min(buffer.Length, _speech.Length - _position);
        _speech.AsSpan(_position, take).CopyTo(buffer);
        buffer[take..].Clear();
        _position += take;
        return buffer.Length;
    }

    /// <summary>
    /// How much of the sound the endpointer (default options, 16 kHz, 20 ms frames, after 1 s of silence) needs
    /// before it confirms speech: the onset confirmation plus whatever the signal's own rise costs.
    /// </summary>
    public TimeSpan ConfirmationTime()
    {
        var options = new EndpointerOptions();
        var endpointer = new SpeechEndpointer(options);
        var resampler = new PolyphaseResampler(Rate, options.SampleRate);
        var block = new float[AudioFormat.Studio.BlockSamples];
        var frame = new float[block.Length];
        var silentBlocks = 50;
        for (var b = 0; b < 500; b++)
        {
            block.AsSpan().Clear();
            if (b >= silentBlocks)
            {
                _speech.AsSpan((b - silentBlocks) * block.Length, block.Length).CopyTo(block);
            }

            var produced = resampler.Process(block, frame);
            if (endpointer.Process(frame.AsSpan(0, produced)) == EndpointerEvent.SpeechStarted)
            {
                return TimeSpan.FromSeconds((b - silentBlocks + 1) * (double)block.Length / Rate);
            }
        }

        return TimeSpan.MaxValue;
    }

    private static float[] Generate(double seconds)
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
            var attack = Math.Min(t / 0.01, 1);
            samples[i] = (float)(value * syllables * (0.5 - (0.5 * Math.Cos(Math.PI * attack))));
            sumSquares += samples[i] * samples[i];
        }

        var gain = Math.Pow(10, -22.0 / 20) / Math.Sqrt(sumSquares / samples.Length);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(samples[i] * gain);
        }

        return samples;
    }
}

/// <summary>
/// An output of the graph (clock thread, after the mix): per block its index, the Stopwatch time it was
/// handed to the outputs, and the RMS of the host and AI buses. Preallocated; nothing allocates per block.
/// </summary>
internal sealed class MixTap(int hostBus, int aiBus) : IMixOutput
{
    private readonly long[] _index = new long[1 << 16];
    private readonly long[] _at = new long[1 << 16];
    private readonly float[] _host = new float[1 << 16];
    private readonly float[] _ai = new float[1 << 16];
    private int _count;

    public string Name => "ai bench tap";

    public void Write(MixBlock block)
    {
        var n = _count;
        if (n >= _at.Length)
        {
            return;
        }

        _index[n] = block.Index;
        _at[n] = Stopwatch.GetTimestamp();
        _host[n] = Rms(block[hostBus]);
        _ai[n] = Rms(block[aiBus]);
        Volatile.Write(ref _count, n + 1);
    }

    public Block[] Snapshot()
    {
        var n = Volatile.Read(ref _count);
        var blocks = new Block[n];
        for (var i = 0; i < n; i++)
        {
            blocks[i] = new Block(_index[i], _at[i], _host[i], _ai[i]);
        }

        return blocks;
    }

    private static float Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (var v in x)
        {
            sum += v * v;
        }

        return (float)Math.Sqrt(sum / x.Length);
    }

    internal readonly record struct Block(long Index, long At, float HostRms, float AiRms);
}
