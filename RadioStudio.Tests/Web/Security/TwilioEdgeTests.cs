using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony.Twilio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.Security;

/// <summary>B5, B6: webhook bodies are refused before they are read, and a CallSid the studio has ever seen is a replay, across restarts.</summary>
public sealed class TwilioEdgeTests : IAsyncLifetime
{
    private const string Token = "edge-token";
    private readonly TempDirectory _data = new();
    private StudioWebFactory _factory = null!;
    private string _base = "";

    public Task InitializeAsync()
    {
        _factory = new StudioWebFactory(Settings(_data.Path));
        _base = _factory.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Unsigned5MegabyteBody_Is403WithoutReadingIt()
    {
        var answer = await AnnounceFiveMegabytesAsync(signatureHeader: null);

        Assert.StartsWith("HTTP/1.1 403", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized5MegabyteBodyWithASignatureHeader_Is413WithoutReadingIt()
    {
        var answer = await AnnounceFiveMegabytesAsync(signatureHeader: "forged");

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveThousandFields_Is413AndNoStackTrace()
    {
        using var client = new HttpClient();
        var form = string.Join('&', Enumerable.Range(0, 5000).Select(i => $"f{i}=1"));
        using var content = new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, _base + "/twilio/status") { Content = content };
        request.Headers.Add("X-Twilio-Signature", "forged");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain("at Microsoft", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedVoiceRequest_ReplayedAfterARestart_IsRefused()
    {
        var engine = _factory.Services.GetRequiredService<IStudioControl>();
        await engine.SetOnAirAsync(true);
        using (var client = new HttpClient())
        {
            using var first = await client.SendAsync(Signed(_base, "CAreplay1"));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await _factory.DisposeAsync();

        // The same data folder, a new process's memory: only the database remembers the call.
        var restarted = new StudioWebFactory(Settings(_data.Path));
        var url = restarted.StartKestrel();
        await restarted.Services.GetRequiredService<IStudioControl>().SetOnAirAsync(true);
        using var replayClient = new HttpClient();
        using var replay = await replayClient.SendAsync(Signed(url, "CAreplay1"));
        Assert.Equal(HttpStatusCode.Forbidden, replay.StatusCode);
        Assert.DoesNotContain(restarted.Services.GetRequiredService<StudioEngine>().Current.Lines, l => l.CallSid == "CAreplay1");

        _factory = restarted;
    }

    [Fact]
    public async Task IdenticalRetryWhileRinging_GetsTheSameTwiml()
    {
        await _factory.Services.GetRequiredService<IStudioControl>().SetOnAirAsync(true);
        using var client = new HttpClient();
        using var first = await client.SendAsync(Signed(_base, "CAretry1"));
        using var retry = await client.SendAsync(Signed(_base, "CAretry1"));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Single(_factory.Services.GetRequiredService<StudioEngine>().Current.Lines, l => l.CallSid == "CAretry1");
    }

    /// <summary>
    /// Announces a 5 MB form and sends none of it: an answer can only come from a studio that never waited for the body.
    /// </summary>
    private async Task<string> AnnounceFiveMegabytesAsync(string? signatureHeader)
    {
        var uri = new Uri(_base);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = tcp.GetStream();
        var signature = signatureHeader is null ? "" : $"X-Twilio-Signature: {signatureHeader}\r\n";
        var head = $"POST /twilio/voice HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\n{signature}Content-Length: {5 * 1024 * 1024}\r\n\r\nCallSid=CA";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, timeout.Token);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    private static Dictionary<string, string?> Settings(string dataFolder) => new()
    {
        ["Twilio:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["Twilio:AuthToken"] = Token,
        ["Twilio:ApiBaseUrl"] = "http://127.0.0.1:9",
        ["Storage:Path"] = dataFolder,
    };

    private static HttpRequestMessage Signed(string baseUrl, string callSid)
    {
        var fields = new Dictionary<string, string>
        {
            ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["CallSid"] = callSid,
            ["From"] = "+14155550199",
            ["To"] = "+15550100000",
            ["CallStatus"] = "ringing",
        };
        var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/twilio/voice") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", TwilioRequestValidator.ComputeSignature(Token, baseUrl + "/twilio/voice", fields));
        return request;
    }
}
