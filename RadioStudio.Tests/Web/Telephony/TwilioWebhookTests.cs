using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony.Twilio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.Telephony;

/// <summary>The voice and status webhooks: signatures, replays, and the three answers (TestServer, real pipeline).</summary>
public sealed class TwilioWebhookTests : IAsyncLifetime
{
    private const string Token = "webhook-token";
    private const string PublicBase = "https://studio.example.com";
    private StudioWebFactory _factory = null!;
    private HttpClient _http = null!;

    private IStudioControl Control => _factory.Services.GetRequiredService<IStudioControl>();

    public Task InitializeAsync()
    {
        _factory = new StudioWebFactory(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["Twilio:AuthToken"] = Token,
            ["Twilio:PublicBaseUrl"] = PublicBase,

            // A studio with a public URL must have users (start-up refuses otherwise); the webhooks stay anonymous.
            ["Auth:Users:host:Role"] = "host",
            ["Auth:Users:host:Password"] = "host-password",
            ["Twilio:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["Twilio:OffAirMessage"] = "We're off the air <for now> & back tomorrow.",
        });
        _http = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Voice_Unsigned_Is403AndAddsNoCall()
    {
        await Control.SetOnAirAsync(true);
        using var response = await _http.PostAsync(new Uri("/twilio/voice", UriKind.Relative), Form("CA1"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_factory.Services.GetRequiredService<StudioEngine>().Current.Lines);
    }

    [Fact]
    public async Task Voice_ForgedOrSignedForAnotherUrl_Is403()
    {
        await Control.SetOnAirAsync(true);
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("CA2", "wrong-token", PublicBase));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("CA3", Token, "https://evil.example.com"));
        Assert.Empty(_factory.Services.GetRequiredService<StudioEngine>().Current.Lines);
    }

    [Fact]
    public async Task Voice_Replayed_IsRefusedTheSecondTime()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync("CA4", Token, PublicBase));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("CA4", Token, PublicBase));
    }

    [Fact]
    public async Task Voice_OffAir_SaysTheEscapedOffAirMessageAndHangsUp()
    {
        var twiml = await AnswerAsync("CA5");

        var response = XDocument.Parse(twiml).Root!;
        Assert.Equal(["Say", "Hangup"], response.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("We're off the air <for now> & back tomorrow.", response.Element("Say")!.Value);
        Assert.Contains("&lt;for now&gt; &amp;", twiml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Voice_BlockAll_SaysBusyAndHangsUp()
    {
        await Control.SetOnAirAsync(true);
        await Control.SetBlockAllAsync(true);

        var response = XDocument.Parse(await AnswerAsync("CA6")).Root!;

        Assert.Equal(["Say", "Hangup"], response.Elements().Select(e => e.Name.LocalName));
        Assert.Contains("lines are closed", response.Element("Say")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Voice_OnAir_GreetsAndConnectsAWssStreamWithAOneTimeToken()
    {
        await Control.SetOnAirAsync(true);

        var response = XDocument.Parse(await AnswerAsync("CA7")).Root!;

        Assert.Equal(["Say", "Connect"], response.Elements().Select(e => e.Name.LocalName).Take(2));
        var stream = response.Element("Connect")!.Element("Stream")!;
        Assert.Equal("wss://studio.example.com/twilio/stream", (string)stream.Attribute("url")!);
        var token = stream.Elements("Parameter").Single(p => (string)p.Attribute("name")! == "token");
        Assert.Equal(32, ((string)token.Attribute("value")!).Length);
        Assert.Single(_factory.Services.GetRequiredService<StudioEngine>().Current.Lines);
    }

    [Fact]
    public async Task Status_Unsigned_Is403()
    {
        using var response = await _http.PostAsync(new Uri("/twilio/status", UriKind.Relative), Form("CA8", ("CallStatus", "completed")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<string> AnswerAsync(string callSid)
    {
        using var request = Signed(callSid, Token, PublicBase);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpStatusCode> PostAsync(string callSid, string token, string signedBase)
    {
        using var request = Signed(callSid, token, signedBase);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    private static HttpRequestMessage Signed(string callSid, string token, string signedBase)
    {
        var fields = Fields(callSid);
        var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/voice") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", TwilioRequestValidator.ComputeSignature(token, signedBase + "/twilio/voice", fields));
        return request;
    }

    private static Dictionary<string, string> Fields(string callSid, params (string Key, string Value)[] extra)
    {
        var fields = new Dictionary<string, string>
        {
            ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["CallSid"] = callSid,
            ["From"] = "+14155550199",
            ["To"] = "+15550100000",
            ["CallStatus"] = "ringing",
        };
        foreach (var (key, value) in extra)
        {
            fields[key] = value;
        }

        return fields;
    }

    private static FormUrlEncodedContent Form(string callSid, params (string Key, string Value)[] extra) => new(Fields(callSid, extra));
}
