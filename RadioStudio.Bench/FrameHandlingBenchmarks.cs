using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using RadioStudio.Engine.Audio.Phone;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Bench;

/// <summary>
/// What one 20 ms media frame costs the studio's socket side: inbound (parse the JSON, base64-decode,
/// μ-law → float into the line's jitter buffer; the audio thread takes it out again) and outbound
/// (μ-law frame → JSON with base64 payload). The 48 kHz side is in <see cref="PhoneLinePathBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 3, iterationCount: 10)]
public class FrameHandlingBenchmarks
{
    private readonly StreamMessage _message = new();
    private readonly byte[] _payload = new byte[512];
    private readonly float[] _samples = new float[160];
    private readonly PhoneInbound _inbound = new(StreamCodec.Pcmu);
    private long _sequence;
    private readonly StreamMessageWriter _writer = new();
    private readonly byte[] _frame = new byte[160];
    private byte[] _inboundJson = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        random.NextBytes(_frame);
        using var writer = new StreamMessageWriter();
        _inboundJson = writer.InboundMedia("MZ18ad3ab5a668481ce02b83e7395059f0", 1234, 1233, 24_640, _frame).ToArray();
    }

    [Benchmark(Description = "inbound frame: parse + decode + hand-off")]
    public int Inbound()
    {
        StreamMessageReader.TryParse(_inboundJson, _payload, _message);
        _inbound.PushFrame(++_sequence, _payload.AsSpan(0, _message.PayloadLength));
        _inbound.Jitter.Read(_samples);
        return _message.PayloadLength;
    }

    [Benchmark(Description = "outbound frame: media JSON + base64")]
    public int Outbound() => _writer.Media("MZ18ad3ab5a668481ce02b83e7395059f0", _frame).Length;

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();
}
