using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Twilio;
using RadioStudio.Tests.Support;
using ITwilioRestClient = Twilio.Clients.ITwilioRestClient;
using OurRestClient = RadioStudio.Engine.Telephony.Twilio.TwilioRestClient;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using SdkHttpClient = System.Net.Http.HttpClient;

namespace RadioStudio.Tests.Engine.Telephony.Twilio.Oracle;

/// <summary>
/// The two REST calls of <see cref="OurRestClient"/> (end a call, redirect it to inline TwiML) against the Twilio
/// SDK's <see cref="CallResource.UpdateAsync(string, string, Uri, global::Twilio.Http.HttpMethod, CallResource.UpdateStatusEnum, Uri, global::Twilio.Http.HttpMethod, Uri, global::Twilio.Http.HttpMethod, global::Twilio.Types.Twiml, int?, ITwilioRestClient)"/>
/// sending to the same fake Twilio: the same method, path, credentials and form; and the same reading of "the call
/// had already ended" (Twilio error 20404).
/// </summary>
public sealed class TwilioRestOracleTests : IAsyncLifetime
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "oracle-auth-token";
    private const string CallSid = "CA89abcdef0123456789abcdef01234567";

    private FakeTwilioServer _twilio = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _twilio = await FakeTwilioServer.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<TwilioOptions>().Configure(o => (o.AccountSid, o.AuthToken, o.ApiBaseUrl) = (AccountSid, AuthToken, _twilio.BaseUrl));
        services.AddTwilioRestClient();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task EndCall_SameRequestAsTheSdk()
    {
        await Ours.EndCallAsync(CallSid, CancellationToken.None);
        await CallResource.UpdateAsync(pathSid: CallSid, pathAccountSid: AccountSid, status: CallResource.UpdateStatusEnum.Completed, client: Sdk());

        AssertSameRequests();
    }

    [Fact]
    public async Task RedirectCall_SameRequestAsTheSdk()
    {
        var twiml = StudioTwiml.OffAir("Thanks for calling & goodbye <3 — Zoë", "Polly.Joanna");

        await Ours.RedirectCallAsync(CallSid, twiml, CancellationToken.None);
        await CallResource.UpdateAsync(pathSid: CallSid, pathAccountSid: AccountSid, twiml: new global::Twilio.Types.Twiml(twiml), client: Sdk());

        AssertSameRequests();
    }

    [Fact]
    public async Task EndCall_CallAlreadyGone_OursSaysAlreadyEndedWhereTheSdkThrows20404()
    {
        _twilio.Responder = _ => (404, FakeTwilioServer.ErrorBody(404, 20404, "The requested resource was not found"));

        var ours = await Ours.EndCallAsync(CallSid, CancellationToken.None);
        var sdk = await Assert.ThrowsAsync<ApiException>(() => CallResource.UpdateAsync(pathSid: CallSid, pathAccountSid: AccountSid, status: CallResource.UpdateStatusEnum.Completed, client: Sdk()));

        Assert.Equal(CallUpdateOutcome.AlreadyEnded, ours.Outcome);
        Assert.Equal(20404, sdk.Code);
        Assert.Equal(404, sdk.Status);
    }

    private OurRestClient Ours => _services.GetRequiredService<OurRestClient>();

    private SdkRestClient Sdk() => new(AccountSid, AuthToken, _twilio.BaseUrl);

    private void AssertSameRequests()
    {
        Assert.Equal(2, _twilio.Requests.Count);
        var (ours, sdk) = (_twilio.Requests[0], _twilio.Requests[1]);
        Assert.Equal(sdk.Method, ours.Method);
        Assert.Equal(sdk.Path, ours.Path);
        Assert.Equal(sdk.BasicCredentials, ours.BasicCredentials);
        Assert.Equal(sdk.Form, ours.Form);
        Assert.StartsWith("application/x-www-form-urlencoded", sdk.ContentType, StringComparison.Ordinal);
        Assert.StartsWith("application/x-www-form-urlencoded", ours.ContentType, StringComparison.Ordinal);
    }

    /// <summary>The SDK's REST client with its api.twilio.com requests sent to the fake instead.</summary>
    private sealed class SdkRestClient(string accountSid, string authToken, string fakeBaseUrl)
        : global::Twilio.Clients.TwilioRestClient(accountSid, authToken, httpClient: new SystemNetHttpClient(new SdkHttpClient(new ToFake(new Uri(fakeBaseUrl)))));

    private sealed class ToFake(Uri fake) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = fake.Scheme, Host = fake.Host, Port = fake.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
