using System.Xml.Linq;

namespace RadioStudio.Engine.Telephony.Simulator;

/// <summary>What the simulator needs from the studio's TwiML answer.</summary>
/// <param name="Said">Every &lt;Say&gt; text, in order.</param>
/// <param name="StreamUrl">The &lt;Connect&gt;&lt;Stream url&gt;, when the call is connected.</param>
/// <param name="Parameters">The stream's &lt;Parameter&gt;s.</param>
/// <param name="HangsUp">The TwiML ends with &lt;Hangup/&gt;.</param>
/// <param name="Codec">The stream's <c>codec</c> attribute, when the studio asks for a non-default format.</param>
public sealed record TwimlAnswer(IReadOnlyList<string> Said, Uri? StreamUrl, IReadOnlyDictionary<string, string> Parameters, bool HangsUp, string? Codec)
{
    /// <summary>Reads TwiML the way Twilio would for the verbs the studio uses.</summary>
    public static TwimlAnswer Parse(string twiml)
    {
        var root = XDocument.Parse(twiml).Root ?? throw new FormatException("TwiML has no <Response>.");
        var stream = root.Element("Connect")?.Element("Stream");
        return new TwimlAnswer(
            [.. root.Elements("Say").Select(e => e.Value)],
            stream?.Attribute("url")?.Value is { } url ? new Uri(url) : null,
            stream?.Elements("Parameter").ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!, StringComparer.Ordinal)
                ?? new Dictionary<string, string>(StringComparer.Ordinal),
            root.Elements("Hangup").Any(),
            stream?.Attribute("codec")?.Value);
    }
}
