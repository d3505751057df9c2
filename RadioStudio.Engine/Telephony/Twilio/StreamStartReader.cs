using System.Text.Json;

namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>Reads the <c>start</c> block (once per stream, so allocation is fine here).</summary>
internal static class StreamStartReader
{
    public static StreamStart? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string streamSid = "", accountSid = "", callSid = "", encoding = "";
        int sampleRate = 0, channels = 0;
        var tracks = new List<string>();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "streamSid": streamSid = reader.GetString() ?? ""; break;
                case "accountSid": accountSid = reader.GetString() ?? ""; break;
                case "callSid": callSid = reader.GetString() ?? ""; break;
                case "tracks" when reader.TokenType == JsonTokenType.StartArray:
                    while (reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        tracks.Add(reader.GetString()!);
                    }

                    break;
                case "customParameters" when reader.TokenType == JsonTokenType.StartObject:
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var key = reader.GetString()!;
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            parameters[key] = reader.GetString()!;
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    break;
                case "mediaFormat" when reader.TokenType == JsonTokenType.StartObject:
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var key = reader.GetString();
                        reader.Read();
                        if (key == "encoding") { encoding = reader.GetString() ?? ""; }
                        else if (key == "sampleRate") { sampleRate = (int)StreamMessageReader.ReadNumber(ref reader); }
                        else if (key == "channels") { channels = (int)StreamMessageReader.ReadNumber(ref reader); }
                        else { reader.Skip(); }
                    }

                    break;
                default: reader.Skip(); break;
            }
        }

        return new StreamStart(streamSid, accountSid, callSid, tracks, parameters, encoding, sampleRate, channels);
    }
}
