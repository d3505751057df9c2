using System.Xml.Linq;
using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Tests.Engine.Telephony.Twilio;

public sealed class StudioTwimlTests
{
    [Fact]
    public void OffAir_Message_SayThenHangup()
    {
        var root = XDocument.Parse(StudioTwiml.OffAir("We're off the air.", "Polly.Joanna")).Root!;

        Assert.Equal("Response", root.Name.LocalName);
        Assert.Equal(["Say", "Hangup"], root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("We're off the air.", root.Element("Say")!.Value);
        Assert.Equal("Polly.Joanna", root.Element("Say")!.Attribute("voice")!.Value);
    }

    [Fact]
    public void Busy_Message_SayThenHangupWithoutVoice()
    {
        var root = XDocument.Parse(StudioTwiml.Busy("Lines are closed & busy.", null)).Root!;

        Assert.Equal(["Say", "Hangup"], root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("Lines are closed & busy.", root.Element("Say")!.Value);
        Assert.Null(root.Element("Say")!.Attribute("voice"));
    }

    [Fact]
    public void OnAir_Greeting_SayThenConnectStreamWithParameters()
    {
        var parameters = new Dictionary<string, string> { ["token"] = "abc123", ["line"] = "3" };
        var root = XDocument.Parse(StudioTwiml.OnAir(
            "Hang on!", null, "wss://studio.example.com/twilio/stream", parameters, "https://studio.example.com/twilio/stream-status")).Root!;

        Assert.Equal(["Say", "Connect"], root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("Hang on!", root.Element("Say")!.Value);
        var stream = root.Element("Connect")!.Elements().Single();
        Assert.Equal("Stream", stream.Name.LocalName);
        Assert.Equal("wss://studio.example.com/twilio/stream", stream.Attribute("url")!.Value);
        Assert.Equal("https://studio.example.com/twilio/stream-status", stream.Attribute("statusCallback")!.Value);
        Assert.Equal("POST", stream.Attribute("statusCallbackMethod")!.Value);
        Assert.Equal(
            parameters.OrderBy(p => p.Key),
            stream.Elements("Parameter").Select(p => KeyValuePair.Create(p.Attribute("name")!.Value, p.Attribute("value")!.Value)).OrderBy(p => p.Key));
    }

    [Theory]
    [InlineData("https://studio.example.com", "/twilio/stream", "wss://studio.example.com/twilio/stream")]
    [InlineData("https://studio.example.com/", "twilio/stream", "wss://studio.example.com/twilio/stream")]
    [InlineData("https://studio.example.com/", "/twilio/stream", "wss://studio.example.com/twilio/stream")]
    [InlineData("http://127.0.0.1:5080", "/twilio/stream", "ws://127.0.0.1:5080/twilio/stream")]
    [InlineData("http://localhost/", "twilio/stream", "ws://localhost/twilio/stream")]
    [InlineData("https://example.com:443/radio/", "/twilio/stream", "wss://example.com/radio/twilio/stream")]
    [InlineData("https://example.com:8443/radio", "twilio/stream", "wss://example.com:8443/radio/twilio/stream")]
    [InlineData("HTTPS://Tunnel.Example.com", "/s", "wss://tunnel.example.com/s")]
    public void StreamUrlFor_BaseAndPath_WebSocketSchemeAndSingleSlash(string baseUrl, string path, string expected) =>
        Assert.Equal(expected, StudioTwiml.StreamUrlFor(baseUrl, path));

    [Theory]
    [InlineData("https://studio.example.com/?x=1", "/s")]
    [InlineData("https://studio.example.com", "/s?token=1")]
    [InlineData("ftp://studio.example.com", "/s")]
    [InlineData("studio.example.com", "/s")]
    public void StreamUrlFor_QueryOrNotHttp_Throws(string baseUrl, string path) =>
        Assert.Throws<ArgumentException>(() => StudioTwiml.StreamUrlFor(baseUrl, path));
}
