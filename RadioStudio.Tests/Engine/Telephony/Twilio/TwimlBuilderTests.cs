using System.Xml.Linq;
using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Tests.Engine.Telephony.Twilio;

public sealed class TwimlBuilderTests
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    [Fact]
    public void Build_Empty_IsDeclarationAndEmptyResponse() =>
        Assert.Equal(Declaration + "<Response />", new TwimlBuilder().Build());

    [Fact]
    public void Build_EveryVerb_ExactDocumentInOrder()
    {
        var twiml = new TwimlBuilder()
            .Say("Hello", voice: "Polly.Joanna")
            .Pause(2)
            .ConnectStream("wss://studio.example.com/twilio/stream", [new("token", "t1")], "https://studio.example.com/twilio/status")
            .Hangup()
            .Reject("busy")
            .Build();

        Assert.Equal(
            Declaration + "<Response><Say voice=\"Polly.Joanna\">Hello</Say><Pause length=\"2\" />"
            + "<Connect><Stream url=\"wss://studio.example.com/twilio/stream\" statusCallback=\"https://studio.example.com/twilio/status\""
            + " statusCallbackMethod=\"POST\"><Parameter name=\"token\" value=\"t1\" /></Stream></Connect>"
            + "<Hangup /><Reject reason=\"busy\" /></Response>",
            twiml);
    }

    [Fact]
    public void Say_NoVoice_OmitsVoiceAttribute()
    {
        var say = XDocument.Parse(new TwimlBuilder().Say("Hi").Build()).Root!.Element("Say")!;
        Assert.Null(say.Attribute("voice"));
        Assert.Equal("Hi", say.Value);
    }

    [Fact]
    public void Say_MarkupAndNonAscii_EscapedAndRoundTrips()
    {
        const string text = "Tom & Jerry <live> say \"hi\" & 'bye' — Zoë, 日本, 🎙";
        var twiml = new TwimlBuilder().Say(text).Build();

        Assert.Contains("Tom &amp; Jerry &lt;live&gt;", twiml, StringComparison.Ordinal);
        Assert.DoesNotContain("<live>", twiml, StringComparison.Ordinal);
        Assert.Equal(text, XDocument.Parse(twiml).Root!.Element("Say")!.Value);
    }

    [Fact]
    public void Say_ControlCharacters_RemovedRatherThanFailing()
    {
        var twiml = new TwimlBuilder().Say("On\u0001 air\u0000!").Build();
        Assert.Equal("On air!", XDocument.Parse(twiml).Root!.Element("Say")!.Value);
    }

    [Fact]
    public void ConnectStream_ParameterValuesWithMarkup_EscapedAndRoundTrip()
    {
        const string value = "a<b>&\"c\"'d' Ünïcødé";
        var twiml = new TwimlBuilder().ConnectStream("wss://h/s", [new("caller", value)]).Build();

        Assert.Contains("value=\"a&lt;b&gt;&amp;&quot;c&quot;'d' Ünïcødé\"", twiml, StringComparison.Ordinal);
        var parameter = XDocument.Parse(twiml).Descendants("Parameter").Single();
        Assert.Equal("caller", parameter.Attribute("name")!.Value);
        Assert.Equal(value, parameter.Attribute("value")!.Value);
    }

    [Fact]
    public void ConnectStream_NoStatusCallback_OmitsCallbackAttributes()
    {
        var stream = XDocument.Parse(new TwimlBuilder().ConnectStream("ws://127.0.0.1:5000/s", []).Build()).Descendants("Stream").Single();
        Assert.Equal("ws://127.0.0.1:5000/s", stream.Attribute("url")!.Value);
        Assert.Null(stream.Attribute("statusCallback"));
        Assert.Null(stream.Attribute("statusCallbackMethod"));
        Assert.Empty(stream.Elements());
    }

    [Theory]
    [InlineData("https://h/s")]
    [InlineData("wss://h/s?token=1")]
    [InlineData("/twilio/stream")]
    public void ConnectStream_NotAQueryFreeWebSocketUrl_Throws(string url) =>
        Assert.Throws<ArgumentException>(() => new TwimlBuilder().ConnectStream(url, []));

    [Fact]
    public void ConnectStream_ParameterValueWithControlCharacter_Throws() =>
        Assert.Throws<ArgumentException>(() => new TwimlBuilder().ConnectStream("wss://h/s", [new("t", "a\u0002b")]));

    [Fact]
    public void Reject_UnknownReason_Throws() => Assert.Throws<ArgumentException>(() => new TwimlBuilder().Reject("nope"));

    [Fact]
    public void Pause_Zero_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => new TwimlBuilder().Pause(0));
}
