using System.Xml;

namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>A checked <c>&lt;Connect&gt;&lt;Stream&gt;</c>: its URL, callback and parameters, ready to write.</summary>
internal sealed class TwimlStream
{
    private readonly string _url;
    private readonly string? _statusCallback;
    private readonly List<KeyValuePair<string, string>> _parameters;
    private readonly string? _codec;

    public TwimlStream(string streamUrl, IEnumerable<KeyValuePair<string, string>> parameters, string? statusCallbackUrl, string? codec = null)
    {
        _codec = codec is null ? null : XmlChars.Require(codec, nameof(codec));
        ArgumentNullException.ThrowIfNull(parameters);
        if (!Uri.TryCreate(streamUrl, UriKind.Absolute, out var url) || url.Scheme is not ("ws" or "wss")
            || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            throw new ArgumentException($"a stream URL is an absolute ws:// or wss:// URL without a query string, not \"{streamUrl}\"", nameof(streamUrl));
        }

        if (statusCallbackUrl is not null
            && (!Uri.TryCreate(statusCallbackUrl, UriKind.Absolute, out var callback) || callback.Scheme is not ("http" or "https")))
        {
            throw new ArgumentException($"a status callback is an absolute http(s) URL, not \"{statusCallbackUrl}\"", nameof(statusCallbackUrl));
        }

        _url = XmlChars.Require(streamUrl, nameof(streamUrl));
        _statusCallback = statusCallbackUrl is null ? null : XmlChars.Require(statusCallbackUrl, nameof(statusCallbackUrl));
        _parameters = [.. parameters];
        foreach (var (name, value) in _parameters)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(parameters));
            XmlChars.Require(name, nameof(parameters));
            XmlChars.Require(value ?? throw new ArgumentException($"parameter {name} has no value", nameof(parameters)), nameof(parameters));
        }
    }

    public void Write(XmlWriter w)
    {
        w.WriteStartElement("Connect");
        w.WriteStartElement("Stream");
        w.WriteAttributeString("url", _url);
        if (_codec is not null)
        {
            w.WriteAttributeString("codec", _codec);
        }

        if (_statusCallback is not null)
        {
            w.WriteAttributeString("statusCallback", _statusCallback);
            w.WriteAttributeString("statusCallbackMethod", "POST");
        }

        foreach (var (name, value) in _parameters)
        {
            w.WriteStartElement("Parameter");
            w.WriteAttributeString("name", name);
            w.WriteAttributeString("value", value);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }
}
