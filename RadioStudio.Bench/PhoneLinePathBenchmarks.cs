using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Audio.Phone;
using RadioStudio.Engine.Telephony;

namespace RadioStudio.Bench;

/// <summary>
/// The whole audio path of a phone line for one 20 ms frame, at 1 to 1 000 concurrent lines: μ-law
/// decode + jitter buffer (<see cref="PhoneInbound.PushFrame"/>), 8 k → 48 k (<see cref="PhoneInbound.Read"/>),
/// sum into the program, mix-minus (program − own), 48 k → 8 k + μ-law encode (<see cref="PhoneOutbound.Encode"/>).
/// Every invocation handles <see cref="LineFramesPerInvoke"/> line-frames (1 000 / Lines blocks of
/// Lines lines), so BenchmarkDotNet reports time and allocation per line per frame at every line count.
/// <see cref="AudioopStyle"/> does the same work the replaced show's way (see <see cref="AudioopStyleLine"/>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class PhoneLinePathBenchmarks
{
    /// <summary>Line-frames per invocation; every <see cref="Lines"/> value divides it.</summary>
    public const int LineFramesPerInvoke = 1000;

    private const int FrameBytes = 160;
    private const int BlockSamples = 960;
    private const int Voices = 8;
    private const int VoiceFrames = 50;

    private readonly float[] _program = new float[BlockSamples];
    private readonly float[] _mixMinus = new float[BlockSamples];
    private readonly byte[] _sent = new byte[FrameBytes];
    private byte[][] _voices = [];
    private PhoneInbound[] _inbound = [];
    private PhoneOutbound[] _outbound = [];
    private float[][] _own = [];
    private AudioopStyleLine[] _legacy = [];
    private double[][] _legacyOwn = [];
    private long _sequence;
    private long _legacySequence;

    [Params(1, 10, 100, 1000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // One second of eight different talkers; line n plays talker n % 8 from its own starting frame.
        _voices = Enumerable.Range(0, Voices)
            .Select(v => SpeechLikeSignal.GenerateMuLaw(VoiceFrames * FrameBytes, 95 + (17 * v), v))
            .ToArray();
        _inbound = Enumerable.Range(0, Lines).Select(_ => new PhoneInbound(StreamCodec.Pcmu)).ToArray();
        _outbound = Enumerable.Range(0, Lines).Select(_ => new PhoneOutbound(StreamCodec.Pcmu)).ToArray();
        _own = Enumerable.Range(0, Lines).Select(_ => new float[BlockSamples]).ToArray();
        _legacy = Enumerable.Range(0, Lines).Select(_ => new AudioopStyleLine()).ToArray();
        _legacyOwn = new double[Lines][];

        // Frame 0 goes in first, so every block then pushes one frame and plays one: the jitter buffer
        // holds its target (2 frames) after each push and never primes, underruns or trims.
        for (var line = 0; line < Lines; line++)
        {
            _inbound[line].PushFrame(0, Payload(line, 0));
            _legacy[line].PushFrame(0, Payload(line, 0));
        }

        _sequence = 1;
        _legacySequence = 1;
        for (var block = 0; block < 2 * VoiceFrames; block++)
        {
            RadioStudioBlock();
            AudioopStyleBlock();
        }

        Verify();
    }

    [Benchmark(Description = "RadioStudio: whole path", OperationsPerInvoke = LineFramesPerInvoke)]
    public int RadioStudio()
    {
        var sum = 0;
        for (var block = 0; block < LineFramesPerInvoke / Lines; block++)
        {
            sum += RadioStudioBlock();
        }

        return sum;
    }

    [Benchmark(Baseline = true, Description = "audioop + per-frame resample_poly", OperationsPerInvoke = LineFramesPerInvoke)]
    public int AudioopStyle()
    {
        var sum = 0;
        for (var block = 0; block < LineFramesPerInvoke / Lines; block++)
        {
            sum += AudioopStyleBlock();
        }

        return sum;
    }

    private int RadioStudioBlock()
    {
        var sequence = _sequence++;
        var program = _program.AsSpan();
        program.Clear();
        for (var line = 0; line < _inbound.Length; line++)
        {
            // Network thread's half (decode + jitter buffer) and the clock's half (jitter read + 8 k → 48 k).
            _inbound[line].PushFrame(sequence, Payload(line, sequence));
            _inbound[line].Read(_own[line]);
            BlockMath.Add(program, _own[line]);
        }

        var sum = 0;
        for (var line = 0; line < _outbound.Length; line++)
        {
            BlockMath.Subtract(_mixMinus, program, _own[line]);
            _outbound[line].Encode(_mixMinus, _sent);
            sum += _sent[line % FrameBytes];
        }

        return sum;
    }

    private int AudioopStyleBlock()
    {
        var sequence = _legacySequence++;
        var program = new double[BlockSamples];
        for (var line = 0; line < _legacy.Length; line++)
        {
            _legacy[line].PushFrame(sequence, Payload(line, sequence));
            var own = _legacy[line].Read();
            for (var i = 0; i < program.Length; i++)
            {
                program[i] += own[i];
            }

            _legacyOwn[line] = own;
        }

        var sum = 0;
        for (var line = 0; line < _legacy.Length; line++)
        {
            sum += AudioopStyleLine.Encode(program, _legacyOwn[line])[line % FrameBytes];
        }

        return sum;
    }

    private ReadOnlySpan<byte> Payload(int line, long sequence)
    {
        var frame = (int)((sequence + (7 * line)) % VoiceFrames);
        return _voices[line % Voices].AsSpan(frame * FrameBytes, FrameBytes);
    }

    // Both paths must really be carrying audio: no jitter-buffer events, a non-silent own signal, and the
    // audioop model's G.711 bit-exact with the engine's.
    private void Verify()
    {
        foreach (var inbound in _inbound)
        {
            if (inbound.Jitter.Stats != default)
            {
                throw new InvalidOperationException($"jitter buffer left steady state: {inbound.Jitter.Stats}");
            }
        }

        if (_own.Any(own => own.All(s => s == 0)) || _legacyOwn.Any(own => own.All(s => s == 0)))
        {
            throw new InvalidOperationException("a line produced silence");
        }

        var payload = Payload(0, 3);
        var roundTrip = AudioopStyleLine.Lin2Ulaw(AudioopStyleLine.Ulaw2Lin(payload));
        if (!payload.SequenceEqual(roundTrip))
        {
            throw new InvalidOperationException("audioop model is not bit-exact G.711");
        }
    }
}
