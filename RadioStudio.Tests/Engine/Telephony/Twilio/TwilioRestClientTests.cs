using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Twilio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Telephony.Twilio;

/// <summary>The client as the studio registers it (real resilience handler) against a fake Twilio on Kestrel.</summary>
public sealed class TwilioRestClientTests : IAsyncLifetime
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "test-auth-token";
    private const string CallSid = "CA89abcdef0123456789abcdef01234567";
    private static readonly string CallPath = $"/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json";

    private readonly List<ServiceProvider> _providers = [];
    private FakeTwilioServer _twilio = null!;

    public async Task InitializeAsync() => _twilio = await FakeTwilioServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task EndCall_LiveCall_PostsStatusCompletedWithBasicAuth()
    {
        var result = await Client().EndCallAsync(CallSid, CancellationToken.None);

        Assert.Equal(new CallUpdateResult(CallUpdateOutcome.Updated, 200, null), result);
        var request = Assert.Single(_twilio.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(CallPath, request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string> { ["Status"] = "completed" }, request.Form);
        Assert.Equal((AccountSid, AuthToken), request.BasicCredentials);
    }

    [Fact]
    public async Task RedirectCall_Twiml_PostsInlineTwimlOnly()
    {
        var twiml = StudioTwiml.OffAir("Thanks & goodbye <3", null);

        var result = await Client().RedirectCallAsync(CallSid, twiml, CancellationToken.None);

        Assert.Equal(CallUpdateOutcome.Updated, result.Outcome);
        var request = Assert.Single(_twilio.Requests);
        Assert.Equal(CallPath, request.Path);
        Assert.Equal(new Dictionary<string, string> { ["Twiml"] = twiml }, request.Form);
        Assert.Equal((AccountSid, AuthToken), request.BasicCredentials);
    }

    [Fact]
    public async Task EndCall_NotFound_AlreadyEnded()
    {
        _twilio.Responder = _ => (404, FakeTwilioServer.ErrorBody(404, 20404, "The requested resource was not found"));

        var result = await Client().EndCallAsync(CallSid, CancellationToken.None);

        Assert.Equal(CallUpdateOutcome.AlreadyEnded, result.Outcome);
        Assert.Equal(404, result.HttpStatus);
        Assert.Single(_twilio.Requests);
    }

    [Fact]
    public async Task EndCall_BadRequestWithCode20404_AlreadyEnded()
    {
        _twilio.Responder = _ => (400, FakeTwilioServer.ErrorBody(400, 20404, "Call not found"));

        var result = await Client().EndCallAsync(CallSid, CancellationToken.None);

        Assert.Equal(CallUpdateOutcome.AlreadyEnded, result.Outcome);
        Assert.Equal(400, result.HttpStatus);
    }

    [Fact]
    public async Task EndCall_Unauthorized_FailedNamingConfigKeysWithoutRetry()
    {
        _twilio.Responder = _ => (401, FakeTwilioServer.ErrorBody(401, 20003, "Authenticate"));

        var result = await Client().EndCallAsync(CallSid, CancellationToken.None);

        Assert.Equal(CallUpdateOutcome.Failed, result.Outcome);
        Assert.Equal(401, result.HttpStatus);
        Assert.Equal("Twilio answered 401 Unauthorized: check Twilio:AccountSid / Twilio:AuthToken", result.Message);
        Assert.Single(_twilio.Requests);
    }

    [Fact]
    public async Task RedirectCall_TwilioRefuses_FailedWithTwilioMessage()
    {
        _twilio.Responder = _ => (400, FakeTwilioServer.ErrorBody(400, 21220, "Call is not in-progress. Cannot redirect."));

        var result = await Client().RedirectCallAsync(CallSid, StudioTwiml.Busy("Bye", null), CancellationToken.None);

        Assert.Equal(new CallUpdateResult(
            CallUpdateOutcome.Failed, 400, "Twilio answered 400 Bad Request: Call is not in-progress. Cannot redirect. (error 21220)"), result);
    }

    [Fact]
    public async Task EndCall_ServiceUnavailableTwiceThenOk_RetriesAndUpdates()
    {
        var attempts = 0;
        _twilio.Responder = request => Interlocked.Increment(ref attempts) <= 2 ? (503, "") : FakeTwilioServer.Ok(request);

        var result = await Client().EndCallAsync(CallSid, CancellationToken.None);

        Assert.Equal(CallUpdateOutcome.Updated, result.Outcome);
        Assert.Equal(3, _twilio.Requests.Count);
        Assert.All(_twilio.Requests, r => Assert.Equal("completed", r.Form["Status"]));
        Assert.All(_twilio.Requests, r => Assert.Equal((AccountSid, AuthToken), r.BasicCredentials));
    }

    [Fact]
    public async Task EndCall_ServiceUnavailableEveryTime_FailedAfterTwoRetries()
    {
        _twilio.Responder = _ => (503, "");

        var result = await Client().EndCallAsync(CallSid, CancellationToken.None);

        Assert.Equal(new CallUpdateResult(CallUpdateOutcome.Failed, 503, "Twilio answered 503 Service Unavailable"), result);
        Assert.Equal(3, _twilio.Requests.Count);
    }

    [Fact]
    public async Task EndCall_NoCredentials_NotConfiguredWithoutRequest()
    {
        var client = Client(o => o.AuthToken = null);

        var result = await client.EndCallAsync(CallSid, CancellationToken.None);

        Assert.Equal(CallUpdateOutcome.NotConfigured, result.Outcome);
        Assert.Null(result.HttpStatus);
        Assert.Empty(_twilio.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("C")]
    [InlineData("CA../../Accounts")]
    [InlineData("CA123?Status=x")]
    [InlineData("CA12 34")]
    public async Task EndCall_MalformedCallSid_FailedWithoutRequest(string callSid)
    {
        var result = await Client().EndCallAsync(callSid, CancellationToken.None);

        Assert.Equal(CallUpdateOutcome.Failed, result.Outcome);
        Assert.Empty(_twilio.Requests);
    }

    [Fact]
    public async Task EndCall_SimulatorSid_Accepted()
    {
        var result = await Client().EndCallAsync("CAsim0001", CancellationToken.None);

        Assert.Equal(CallUpdateOutcome.Updated, result.Outcome);
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Calls/CAsim0001.json", Assert.Single(_twilio.Requests).Path);
    }

    [Fact]
    public async Task EndCall_ApiBaseWithPath_KeepsThePath()
    {
        var client = Client(o => o.ApiBaseUrl = _twilio.BaseUrl + "/api/laml/");

        var result = await client.EndCallAsync(CallSid, CancellationToken.None);

        Assert.Equal(CallUpdateOutcome.Updated, result.Outcome);
        Assert.Equal("/api/laml" + CallPath, Assert.Single(_twilio.Requests).Path);
    }

    [Fact]
    public async Task EndCall_NothingListening_FailedWithMessage()
    {
        var client = Client(o => o.ApiBaseUrl = $"http://127.0.0.1:{ClosedPort()}");

        var result = await client.EndCallAsync(CallSid, CancellationToken.None);

        Assert.Equal(CallUpdateOutcome.Failed, result.Outcome);
        Assert.Null(result.HttpStatus);
        Assert.StartsWith("could not reach Twilio at http://127.0.0.1:", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndCall_CallerCancelled_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().EndCallAsync(CallSid, cancelled.Token));
    }

    private TwilioRestClient Client(Action<TwilioOptions>? adjust = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<TwilioOptions>().Configure(o =>
        {
            o.AccountSid = AccountSid;
            o.AuthToken = AuthToken;
            o.ApiBaseUrl = _twilio.BaseUrl;
            adjust?.Invoke(o);
        });
        services.AddTwilioRestClient();
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<TwilioRestClient>();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
