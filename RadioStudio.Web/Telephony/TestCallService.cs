using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Simulator;

namespace RadioStudio.Web.Telephony;

/// <summary>
/// The console's "Test call": a simulated caller dials the studio's own webhook over loopback, signed
/// with the studio's credentials, so a show runs end to end without a Twilio account. It says its call-in line,
/// and answers the AI screener's questions with a scripted name and topic (several callers, several voices).
/// </summary>
public sealed partial class TestCallService(
    PhoneSimulator simulator, PhoneSystem phones, IServer server, IOptions<TwilioOptions> options,
    SimulatedCallerVoices voices, IOptions<RadioStudio.Engine.Screening.ScreeningOptions> screening, ILogger<TestCallService> logger) : ITestCallPlacer, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SimulatedCall> _calls = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>Calls in progress.</summary>
    public IReadOnlyCollection<SimulatedCall> Calls => [.. _calls.Values];

    /// <summary>Places a test call; returns it once the studio has answered.</summary>
    public async Task<SimulatedCall> PlaceAsync(CancellationToken cancellationToken = default)
    {
        var n = Interlocked.Increment(ref _count);
        var baseUrl = LocalBaseUrl();
        var credentials = phones.Credentials;
        var callSid = "CA" + System.Security.Cryptography.RandomNumberGenerator.GetHexString(32, lowercase: true);
        phones.ExpectSimulatedCall(callSid);
        var call = await simulator.PlaceCallAsync(
            new SimulatedCallOptions(
                baseUrl,
                string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? baseUrl.ToString() : options.Value.PublicBaseUrl,
                credentials.AccountSid,
                credentials.AuthToken,
                $"+1555010{n % 10000:0000}",
                options.Value.PhoneNumber ?? "+15550100000")
            {
                CallSid = callSid,
                Audio = await voices.NextAsync(n, cancellationToken),
                RecordAudio = false,

                // With the AI screener on, the test caller answers it: a name, then a topic, in its own voice.
                ScreeningAnswers = screening.Value.Enabled ? await voices.ScreeningAnswersAsync(n, cancellationToken) : null,
            },
            cancellationToken);
        if (call.RefusedWith is { } refused)
        {
            Log.Refused(logger, refused);
            await call.DisposeAsync();
            return call;
        }

        _calls[call.CallSid] = call;
        _ = call.Ended.ContinueWith(async _ =>
        {
            if (_calls.TryRemove(call.CallSid, out var ended))
            {
                await ended.DisposeAsync();
            }
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return call;
    }

    /// <inheritdoc />
    public async Task<string?> PlaceTestCallAsync(CancellationToken cancellationToken = default) => (await PlaceAsync(cancellationToken)).RefusedWith;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var callSid in _calls.Keys.ToList())
        {
            if (_calls.TryRemove(callSid, out var call))
            {
                await call.DisposeAsync();
            }
        }
    }

    /// <summary>The studio's own address, with wildcard hosts mapped to loopback.</summary>
    private Uri LocalBaseUrl()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The studio is not listening on any address yet.");
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri;
    }

    private static partial class Log
    {
        [LoggerMessage(410, LogLevel.Warning, "Test call refused by the studio: {Reason}")]
        public static partial void Refused(ILogger logger, string reason);
    }
}
