using System.Net;
using System.Net.WebSockets;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Security;

namespace RadioStudio.Tests.Web.Security;

/// <summary>B3 and the weak points: foreign origins and host names refused, security headers on every answer (real Kestrel).</summary>
public sealed class EdgeHeaderTests : IAsyncLifetime
{
    private StudioWebFactory _factory = null!;
    private string _base = "";

    public Task InitializeAsync()
    {
        _factory = new StudioWebFactory();
        _base = _factory.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task AnyAnswer_CarriesTheSecurityHeaders()
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(_base + "/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nosniff", response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Contains("no-referrer", response.Headers.GetValues("Referrer-Policy"));
        Assert.Contains(SecurityHeadersMiddleware.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", SecurityHeadersMiddleware.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS only on https");
    }

    [Fact]
    public async Task ForeignHostName_AsDnsRebindingSends_Is400()
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, _base + "/");
        request.Headers.Host = "attacker.example.com";
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CircuitFromAForeignOrigin_Is403()
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _base + "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.TryAddWithoutValidation("Origin", "http://attacker.example.com");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var own = new HttpRequestMessage(HttpMethod.Post, _base + "/_blazor/negotiate?negotiateVersion=1");
        own.Headers.TryAddWithoutValidation("Origin", _base);
        using var ownResponse = await client.SendAsync(own);
        Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://attacker.example.com")]
    public async Task MicSocketWithoutOrWithAForeignOrigin_IsRefused(string? origin)
    {
        using var socket = new ClientWebSocket();
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        var error = await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(new Uri(_base.Replace("http", "ws", StringComparison.Ordinal) + "/audio/mic?rate=48000"), CancellationToken.None));
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }
}
