using System.Diagnostics;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Speech.Vad;

using RadioStudio.Tests.Engine.Speech;

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

    public HostVoice(double seconds = 30) => _speech = PolyphaseResampler.ResampleAll(SyntheticSpeech.Burst(seconds, -20), SyntheticSpeech.Rate, Rate);

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

}
