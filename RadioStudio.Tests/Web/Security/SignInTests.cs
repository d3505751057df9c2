using System.Net;
using System.Text.RegularExpressions;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.Security;

/// <summary>B1: with users configured, nothing but /login and Twilio's webhooks answers a stranger (real Kestrel, real HTTP).</summary>
public sealed partial class SignInTests : IAsyncLifetime
{
    private StudioWebFactory _factory = null!;
    private string _base = "";

    public Task InitializeAsync()
    {
        _factory = new StudioWebFactory(new Dictionary<string, string?>
        {
            ["Auth:Users:alice:Role"] = "host",
            ["Auth:Users:alice:Password"] = "host-secret",
            ["Auth:Users:sam:Role"] = "screener",
            ["Auth:Users:sam:Password"] = "screen-secret",
            ["Auth:Users:cora:Role"] = "cohost",
            ["Auth:Users:cora:Password"] = "cohost-secret",
        });
        _base = _factory.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/screen")]
    [InlineData("/transcript")]
    [InlineData("/settings")]
    [InlineData("/callers")]
    [InlineData("/shows")]
    public async Task Page_Anonymous_RedirectsToLogin(string path)
    {
        using var client = Client(out _);
        using var request = new HttpRequestMessage(HttpMethod.Get, _base + path);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?returnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/_blazor/negotiate?negotiateVersion=1")]
    [InlineData("GET", "/audio/mic?rate=48000")]
    [InlineData("GET", "/shows/latest/transcript.txt")]
    [InlineData("GET", "/screening/clips/x.wav")]
    public async Task CircuitMicAndDownloads_Anonymous_Are401(string method, string path)
    {
        using var client = Client(out _);
        using var request = new HttpRequestMessage(new HttpMethod(method), _base + path);
        request.Headers.TryAddWithoutValidation("Origin", _base);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TwilioWebhook_Anonymous_StillReachesItsSignatureCheck()
    {
        using var client = Client(out _);
        using var response = await client.PostAsync(_base + "/twilio/voice", new FormUrlEncodedContent([new("CallSid", "CA1")]));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Login_WrongPassword_IsRefusedAndSetsNoCookie()
    {
        using var client = Client(out var cookies);
        using var response = await SignInAsync(client, "alice", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Wrong name or password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(cookies.GetCookies(new Uri(_base)), c => c.Name == "radiostudio.auth");
    }

    [Fact]
    public async Task Screener_OpensScreenOnly()
    {
        using var client = Client(out _);
        using var login = await SignInAsync(client, "sam", "screen-secret");
        Assert.Equal("/screen", login.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/screen"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, "/"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, "/settings"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, "/transcript"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, "/shows/latest/episode.mp3"));
    }

    [Fact]
    public async Task Cohost_ReadsTranscriptOnly()
    {
        using var client = Client(out _);
        using var login = await SignInAsync(client, "cora", "cohost-secret");
        Assert.Equal("/transcript", login.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/transcript"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, "/screen"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, "/"));
    }

    [Fact]
    public async Task Host_OpensEverythingAndFollowsALocalReturnUrlOnly()
    {
        using var client = Client(out _);
        using var login = await SignInAsync(client, "alice", "host-secret", returnUrl: "//evil.example.com/");
        Assert.Equal("/", login.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/screen"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/transcript"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/settings"));
    }

    private HttpClient Client(out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies, UseCookies = true });
    }

    private async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password, string returnUrl = "")
    {
        var page = await client.GetStringAsync(_base + "/login");
        Assert.Contains("data-testid=\"login-submit\"", page, StringComparison.Ordinal);
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "the login form carries an antiforgery token");
        return await client.PostAsync(_base + "/login", new FormUrlEncodedContent(
        [
            new("user", user), new("password", password), new("returnUrl", returnUrl),
            new(token.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[2].Value)),
        ]));
    }

    private async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _base + path);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex("""<input type="hidden" name="([^"]+)" value="([^"]+)" />""")]
    private static partial Regex AntiforgeryField();
}
