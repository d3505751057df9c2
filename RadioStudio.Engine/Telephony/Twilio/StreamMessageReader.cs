using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>
/// Parses Media Streams JSON (either direction) with <see cref="Utf8JsonReader"/>. Property order is not
/// assumed. Returns false for anything that is not a JSON object; unknown events parse as
/// <see cref="StreamEvent.Unknown"/> for the session to count.
/// </summary>
public static class StreamMessageReader
{
    /// <summary>Parses one message; media payload bytes land in <paramref name="payload"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, Span<byte> payload, StreamMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Reset();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("event"u8))
                {
                    reader.Read();
                    message.Event = ParseEvent(ref reader);
                }
                else if (reader.ValueTextEquals("sequenceNumber"u8))
                {
                    reader.Read();
                    message.SequenceNumber = ReadNumber(ref reader);
                }
                else if (reader.ValueTextEquals("streamSid"u8))
                {
                    reader.Read();
                    message.StreamSid = reader.TokenType != JsonTokenType.String ? null
                        : message.StreamSidCache is { } cached && reader.ValueTextEquals(cached) ? cached
                        : message.StreamSidCache = reader.GetString();
                }
                else if (reader.ValueTextEquals("media"u8))
                {
                    reader.Read();
                    ReadMedia(ref reader, payload, message);
                }
                else if (reader.ValueTextEquals("start"u8))
                {
                    reader.Read();
                    message.Start = StreamStartReader.Read(ref reader);
                }
                else if (reader.ValueTextEquals("mark"u8))
                {
                    reader.Read();
                    message.MarkName = ReadObjectString(ref reader, "name"u8);
                }
                else if (reader.ValueTextEquals("dtmf"u8))
                {
                    reader.Read();
                    message.Digit = ReadObjectString(ref reader, "digit"u8);
                }
                else if (reader.ValueTextEquals("stop"u8))
                {
                    reader.Read();
                    message.StopCallSid = ReadObjectString(ref reader, "callSid"u8);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // One object and nothing after it (Read throws on trailing garbage, returns false at the end).
            return reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0 && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // GetString on a string that is not valid UTF-8 (found by the fuzz test): malformed, like any other.
            return false;
        }
    }

    private static StreamEvent ParseEvent(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return StreamEvent.Unknown;
        }

        return reader.ValueTextEquals("media"u8) ? StreamEvent.Media
            : reader.ValueTextEquals("mark"u8) ? StreamEvent.Mark
            : reader.ValueTextEquals("start"u8) ? StreamEvent.Start
            : reader.ValueTextEquals("connected"u8) ? StreamEvent.Connected
            : reader.ValueTextEquals("dtmf"u8) ? StreamEvent.Dtmf
            : reader.ValueTextEquals("stop"u8) ? StreamEvent.Stop
            : reader.ValueTextEquals("clear"u8) ? StreamEvent.Clear
            : StreamEvent.Unknown;
    }

    private static void ReadMedia(ref Utf8JsonReader reader, Span<byte> payload, StreamMessage message)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("payload"u8))
            {
                reader.Read();
                DecodePayload(ref reader, payload, message);
            }
            else if (reader.ValueTextEquals("chunk"u8))
            {
                reader.Read();
                message.Chunk = ReadNumber(ref reader);
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                message.TimestampMs = ReadNumber(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static void DecodePayload(ref Utf8JsonReader reader, Span<byte> payload, StreamMessage message)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            message.PayloadInvalid = true;
            return;
        }

        if (!reader.ValueIsEscaped)
        {
            Decode(reader.ValueSpan, payload, message);
            return;
        }

        // Base64 needs no JSON escapes, but "\/" is legal JSON: unescape into a small stack copy then.
        if (reader.ValueSpan.Length > 4096)
        {
            message.PayloadInvalid = true;
            return;
        }

        Span<byte> unescaped = stackalloc byte[reader.ValueSpan.Length];
        Decode(unescaped[..reader.CopyString(unescaped)], payload, message);
    }

    private static void Decode(ReadOnlySpan<byte> base64, Span<byte> payload, StreamMessage message)
    {
        var status = Base64.DecodeFromUtf8(base64, payload, out _, out var written);
        message.PayloadLength = status == OperationStatus.Done ? written : 0;
        message.PayloadInvalid = status != OperationStatus.Done;
    }

    private static string? ReadObjectString(ref Utf8JsonReader reader, ReadOnlySpan<byte> property)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(property);
            reader.Read();
            if (match && reader.TokenType == JsonTokenType.String)
            {
                value = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return value;
    }

    /// <summary>Twilio sends numbers as strings ("sequenceNumber":"3"); accept either form.</summary>
    internal static long ReadNumber(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            return number;
        }

        return reader.TokenType == JsonTokenType.String && Utf8Parser.TryParse(reader.ValueSpan, out long parsed, out var consumed)
               && consumed == reader.ValueSpan.Length
            ? parsed
            : -1;
    }
}
