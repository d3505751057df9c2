using System.Text;
using System.Xml;

namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>
/// Builds a TwiML <c>&lt;Response&gt;</c> through <see cref="XmlWriter"/>, so caller-influenced text is
/// always escaped. Arguments are checked when a verb is added, so a bad one fails at the call that made it.
/// </summary>
public sealed class TwimlBuilder
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        // XmlWriter would name the StringBuilder's UTF-16; Twilio gets UTF-8 bytes, so we write the declaration.
        OmitXmlDeclaration = true,
        ConformanceLevel = ConformanceLevel.Document,
    };

    private readonly List<Action<XmlWriter>> _verbs = [];

    /// <summary>Speaks <paramref name="text"/>; <paramref name="voice"/> is e.g. <c>Polly.Joanna</c>, null for Twilio's default.</summary>
    public TwimlBuilder Say(string text, string? voice = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var spoken = XmlChars.RemoveInvalid(text);
        var checkedVoice = string.IsNullOrWhiteSpace(voice) ? null : XmlChars.Require(voice, nameof(voice));
        _verbs.Add(w =>
        {
            w.WriteStartElement("Say");
            if (checkedVoice is not null)
            {
                w.WriteAttributeString("voice", checkedVoice);
            }

            w.WriteString(spoken);
            w.WriteEndElement();
        });
        return this;
    }

    /// <summary>Silence for <paramref name="seconds"/> (at least 1).</summary>
    public TwimlBuilder Pause(int seconds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        var length = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _verbs.Add(w =>
        {
            w.WriteStartElement("Pause");
            w.WriteAttributeString("length", length);
            w.WriteEndElement();
        });
        return this;
    }

    /// <summary>
    /// A bidirectional media stream to <paramref name="streamUrl"/> (ws/wss, no query string: Twilio drops it,
    /// so per-call data travels as <c>&lt;Parameter&gt;</c>s and arrives in the <c>start</c> message).
    /// <paramref name="codec"/> (e.g. <c>L16@16000h</c>) is for carriers that offer other stream formats;
    /// null leaves the attribute out (Twilio: μ-law 8 kHz).
    /// </summary>
    public TwimlBuilder ConnectStream(string streamUrl, IEnumerable<KeyValuePair<string, string>> parameters, string? statusCallbackUrl = null, string? codec = null)
    {
        var stream = new TwimlStream(streamUrl, parameters, statusCallbackUrl, codec);
        _verbs.Add(stream.Write);
        return this;
    }

    /// <summary>Ends the call.</summary>
    public TwimlBuilder Hangup()
    {
        _verbs.Add(w => w.WriteElementString("Hangup", null));
        return this;
    }

    /// <summary>Refuses the call unanswered (no charge); <paramref name="reason"/> is <c>rejected</c> or <c>busy</c>.</summary>
    public TwimlBuilder Reject(string reason = "rejected")
    {
        if (reason is not ("rejected" or "busy"))
        {
            throw new ArgumentException("Twilio knows the reasons \"rejected\" and \"busy\"", nameof(reason));
        }

        _verbs.Add(w =>
        {
            w.WriteStartElement("Reject");
            w.WriteAttributeString("reason", reason);
            w.WriteEndElement();
        });
        return this;
    }

    /// <summary>The document: the UTF-8 declaration and a <c>&lt;Response&gt;</c> holding the verbs in order.</summary>
    public string Build()
    {
        var text = new StringBuilder(Declaration);
        using (var writer = XmlWriter.Create(text, WriterSettings))
        {
            writer.WriteStartElement("Response");
            foreach (var verb in _verbs)
            {
                verb(writer);
            }

            writer.WriteEndElement();
        }

        return text.ToString();
    }
}
