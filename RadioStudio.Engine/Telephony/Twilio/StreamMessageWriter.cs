using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>
/// Writes Media Streams messages. The studio writes media/mark/clear (to Twilio); the phone simulator
/// writes Twilio's side (connected/start/media/dtmf/mark/stop). Reuse one instance per socket: the
/// buffer and JSON writer are recycled, so a media frame allocates nothing.
/// </summary>
public sealed class StreamMessageWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Utf8JsonWriter _json;

    /// <summary>Creates a writer with its own reusable buffer.</summary>
    public StreamMessageWriter() => _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });

    /// <summary>Studio → Twilio: a frame of outbound audio.</summary>
    public ReadOnlyMemory<byte> Media(string streamSid, ReadOnlySpan<byte> payload)
    {
        Begin("media", streamSid);
        _json.WriteStartObject("media"u8);
        _json.WriteBase64String("payload"u8, payload);
        _json.WriteEndObject();
        return End();
    }

    /// <summary>Either direction: a mark (Twilio echoes it when the audio before it has played).</summary>
    public ReadOnlyMemory<byte> Mark(string streamSid, string name, long sequenceNumber = -1)
    {
        Begin("mark", streamSid, sequenceNumber);
        _json.WriteStartObject("mark"u8);
        _json.WriteString("name"u8, name);
        _json.WriteEndObject();
        return End();
    }

    /// <summary>Studio → Twilio: drop the audio Twilio has buffered (barge-in).</summary>
    public ReadOnlyMemory<byte> Clear(string streamSid)
    {
        Begin("clear", streamSid);
        return End();
    }

    /// <summary>Twilio → studio: the first message.</summary>
    public ReadOnlyMemory<byte> Connected()
    {
        Begin("connected", null);
        _json.WriteString("protocol"u8, "Call");
        _json.WriteString("version"u8, "1.0.0");
        return End();
    }

    /// <summary>Twilio → studio: the stream's metadata.</summary>
    public ReadOnlyMemory<byte> Start(StreamStart start, long sequenceNumber)
    {
        ArgumentNullException.ThrowIfNull(start);
        Begin("start", start.StreamSid, sequenceNumber);
        _json.WriteStartObject("start"u8);
        _json.WriteString("streamSid"u8, start.StreamSid);
        _json.WriteString("accountSid"u8, start.AccountSid);
        _json.WriteString("callSid"u8, start.CallSid);
        _json.WriteStartArray("tracks"u8);
        foreach (var track in start.Tracks)
        {
            _json.WriteStringValue(track);
        }

        _json.WriteEndArray();
        _json.WriteStartObject("customParameters"u8);
        foreach (var (key, value) in start.CustomParameters)
        {
            _json.WriteString(key, value);
        }

        _json.WriteEndObject();
        _json.WriteStartObject("mediaFormat"u8);
        _json.WriteString("encoding"u8, start.Encoding);
        _json.WriteNumber("sampleRate"u8, start.SampleRate);
        _json.WriteNumber("channels"u8, start.Channels);
        _json.WriteEndObject();
        _json.WriteEndObject();
        return End();
    }

    /// <summary>Twilio → studio: a frame of the caller's audio.</summary>
    public ReadOnlyMemory<byte> InboundMedia(string streamSid, long sequenceNumber, long chunk, long timestampMs, ReadOnlySpan<byte> payload)
    {
        Begin("media", streamSid, sequenceNumber);
        _json.WriteStartObject("media"u8);
        _json.WriteString("track"u8, "inbound");
        WriteNumberString("chunk"u8, chunk);
        WriteNumberString("timestamp"u8, timestampMs);
        _json.WriteBase64String("payload"u8, payload);
        _json.WriteEndObject();
        return End();
    }

    /// <summary>Twilio → studio: a key press.</summary>
    public ReadOnlyMemory<byte> Dtmf(string streamSid, long sequenceNumber, string digit)
    {
        Begin("dtmf", streamSid, sequenceNumber);
        _json.WriteStartObject("dtmf"u8);
        _json.WriteString("track"u8, "inbound_track");
        _json.WriteString("digit"u8, digit);
        _json.WriteEndObject();
        return End();
    }

    /// <summary>Twilio → studio: the stream (and usually the call) ended.</summary>
    public ReadOnlyMemory<byte> Stop(string streamSid, long sequenceNumber, string accountSid, string callSid)
    {
        Begin("stop", streamSid, sequenceNumber);
        _json.WriteStartObject("stop"u8);
        _json.WriteString("accountSid"u8, accountSid);
        _json.WriteString("callSid"u8, callSid);
        _json.WriteEndObject();
        return End();
    }

    /// <inheritdoc />
    public void Dispose() => _json.Dispose();

    private void Begin(string evt, string? streamSid, long sequenceNumber = -1)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteString("event"u8, evt);
        if (sequenceNumber >= 0)
        {
            WriteNumberString("sequenceNumber"u8, sequenceNumber);
        }

        if (streamSid is not null)
        {
            _json.WriteString("streamSid"u8, streamSid);
        }
    }

    private ReadOnlyMemory<byte> End()
    {
        _json.WriteEndObject();
        _json.Flush();
        return _buffer.WrittenMemory;
    }

    private void WriteNumberString(ReadOnlySpan<byte> name, long value)
    {
        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        _json.WriteString(name, digits[..length]);
    }
}
