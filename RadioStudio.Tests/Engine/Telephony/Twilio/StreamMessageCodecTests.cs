using System.Text;
using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Tests.Engine.Telephony.Twilio;

public sealed class StreamMessageCodecTests
{
    private readonly StreamMessage _message = new();
    private readonly byte[] _payload = new byte[512];

    private bool Parse(string json) => StreamMessageReader.TryParse(Encoding.UTF8.GetBytes(json), _payload, _message);

    [Fact]
    public void TryParse_TwilioConnected_IsConnected()
    {
        Assert.True(Parse("""{"event":"connected","protocol":"Call","version":"1.0.0"}"""));
        Assert.Equal(StreamEvent.Connected, _message.Event);
    }

    [Fact]
    public void TryParse_TwilioStart_ReadsCallParametersAndFormat()
    {
        Assert.True(Parse("""
            {"event":"start","sequenceNumber":"1","start":{"accountSid":"AC123","streamSid":"MZ18ad3ab5a668481ce02b83e7395059f0",
             "callSid":"CA123","tracks":["inbound"],"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1},
             "customParameters":{"token":"t-1","line":"L9"}},"streamSid":"MZ18ad3ab5a668481ce02b83e7395059f0"}
            """));

        var start = _message.Start!;
        Assert.Equal((StreamEvent.Start, 1L), (_message.Event, _message.SequenceNumber));
        Assert.Equal(("MZ18ad3ab5a668481ce02b83e7395059f0", "AC123", "CA123"), (start.StreamSid, start.AccountSid, start.CallSid));
        Assert.Equal(["inbound"], start.Tracks);
        Assert.Equal(("audio/x-mulaw", 8000, 1), (start.Encoding, start.SampleRate, start.Channels));
        Assert.Equal("t-1", start.CustomParameters["token"]);
        Assert.Equal("L9", start.CustomParameters["line"]);
    }

    [Fact]
    public void TryParse_TwilioMedia_DecodesThePayloadWhateverThePropertyOrder()
    {
        var bytes = Enumerable.Range(0, 160).Select(i => (byte)i).ToArray();
        var b64 = Convert.ToBase64String(bytes);
        Assert.Equal(216, b64.Length);

        Assert.True(Parse($$$"""{"media":{"payload":"{{{b64}}}","timestamp":"5","chunk":"2","track":"inbound"},"event":"media","sequenceNumber":"3","streamSid":"MZ1"}"""));

        Assert.Equal((StreamEvent.Media, 3L, 2L, 5L), (_message.Event, _message.SequenceNumber, _message.Chunk, _message.TimestampMs));
        Assert.Equal(bytes, _payload[.._message.PayloadLength]);
        Assert.False(_message.PayloadInvalid);
    }

    [Fact]
    public void TryParse_EscapedSlashInPayload_IsUnescaped()
    {
        var bytes = new byte[160];
        Array.Fill(bytes, (byte)0xFF);
        bytes[0] = 0xFF;
        bytes[1] = 0xF0; // makes a '/' in base64
        var b64 = Convert.ToBase64String(bytes);
        Assert.Contains('/', b64);

        Assert.True(Parse($$$"""{"event":"media","media":{"payload":"{{{b64.Replace("/", "\\/", StringComparison.Ordinal)}}}"}}"""));

        Assert.Equal(bytes, _payload[.._message.PayloadLength]);
    }

    [Theory]
    [InlineData("""{"event":"media","media":{"payload":"not base64!!"}}""")]
    [InlineData("""{"event":"media","media":{"payload":12}}""")]
    public void TryParse_BadPayload_IsFlaggedNotThrown(string json)
    {
        Assert.True(Parse(json));
        Assert.True(_message.PayloadInvalid);
        Assert.Equal(0, _message.PayloadLength);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"event":"media" """)]
    [InlineData("""{"event":"media"}} trailing""")]
    [InlineData("\"just a string\"")]
    public void TryParse_Malformed_ReturnsFalse(string json) => Assert.False(Parse(json));

    [Fact]
    public void TryParse_UnknownEvent_ParsesAsUnknown()
    {
        Assert.True(Parse("""{"event":"party","streamSid":"MZ1","extra":{"deep":[1,2,{"x":null}]}}"""));
        Assert.Equal(StreamEvent.Unknown, _message.Event);
    }

    [Fact]
    public void TryParse_MarkDtmfStop_ReadTheirFields()
    {
        Assert.True(Parse("""{"event":"mark","sequenceNumber":"4","streamSid":"MZ1","mark":{"name":"turn-7"}}"""));
        Assert.Equal((StreamEvent.Mark, "turn-7"), (_message.Event, _message.MarkName));
        Assert.True(Parse("""{"event":"dtmf","streamSid":"MZ1","sequenceNumber":"5","dtmf":{"track":"inbound_track","digit":"1"}}"""));
        Assert.Equal((StreamEvent.Dtmf, "1"), (_message.Event, _message.Digit));
        Assert.True(Parse("""{"event":"stop","sequenceNumber":"6","streamSid":"MZ1","stop":{"accountSid":"AC1","callSid":"CA1"}}"""));
        Assert.Equal((StreamEvent.Stop, "CA1"), (_message.Event, _message.StopCallSid));
    }

    [Fact]
    public void TryParse_SameStreamSidAgain_ReusesTheStringAndAllocatesNothing()
    {
        using var writer = new StreamMessageWriter();
        var json = writer.InboundMedia("MZ18ad3ab5a668481ce02b83e7395059f0", 5, 4, 60, new byte[160]).ToArray();
        Assert.True(StreamMessageReader.TryParse(json, _payload, _message));
        var first = _message.StreamSid;

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            StreamMessageReader.TryParse(json, _payload, _message);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Same(first, _message.StreamSid);
        Assert.True(allocated < 1024, $"{allocated} bytes over 100 media frames");
    }

    [Fact]
    public void Writer_StudioMedia_IsTwilioShapedWithoutAWavHeader()
    {
        using var writer = new StreamMessageWriter();
        var frame = new byte[160];
        Array.Fill(frame, (byte)0xFF);

        var json = Encoding.UTF8.GetString(writer.Media("MZ1", frame).Span);

        Assert.Equal($$$"""{"event":"media","streamSid":"MZ1","media":{"payload":"{{{Convert.ToBase64String(frame)}}}"}}""", json);
    }

    [Fact]
    public void Writer_MarkAndClear_AreTwilioShaped()
    {
        using var writer = new StreamMessageWriter();
        Assert.Equal("""{"event":"mark","streamSid":"MZ1","mark":{"name":"m1"}}""", Encoding.UTF8.GetString(writer.Mark("MZ1", "m1").Span));
        Assert.Equal("""{"event":"clear","streamSid":"MZ1"}""", Encoding.UTF8.GetString(writer.Clear("MZ1").Span));
    }

    [Fact]
    public void Writer_TwilioSide_RoundTripsThroughTheReader()
    {
        using var writer = new StreamMessageWriter();
        var start = new StreamStart("MZ1", "AC1", "CA1", ["inbound"], new Dictionary<string, string> { ["token"] = "a\"b<c" }, "audio/x-mulaw", 8000, 1);
        Assert.True(StreamMessageReader.TryParse(writer.Start(start, 1).Span, _payload, _message));
        Assert.Equal("a\"b<c", _message.Start!.CustomParameters["token"]);
        Assert.Equal(start.CallSid, _message.Start.CallSid);

        var frame = Enumerable.Range(0, 160).Select(i => (byte)(255 - i)).ToArray();
        Assert.True(StreamMessageReader.TryParse(writer.InboundMedia("MZ1", 9, 8, 140, frame).Span, _payload, _message));
        Assert.Equal((9L, 8L, 140L), (_message.SequenceNumber, _message.Chunk, _message.TimestampMs));
        Assert.Equal(frame, _payload[.._message.PayloadLength]);
    }
}
