using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>
/// The two REST calls the studio makes to Twilio (or a compatible carrier at <see cref="TwilioOptions.ApiBaseUrl"/>):
/// end a call and redirect it to inline TwiML. Expected failures come back as a <see cref="CallUpdateResult"/>,
/// never as an exception; only the caller's own cancellation throws. Register with
/// <see cref="TwilioServiceCollectionExtensions.AddTwilioRestClient"/>, which adds the retries.
/// </summary>
public sealed partial class TwilioRestClient(HttpClient http, IOptions<TwilioOptions> options, ILogger<TwilioRestClient> logger)
{
    /// <summary>Hangs up the call (<c>Status=completed</c>). A call that already ended gives <see cref="CallUpdateOutcome.AlreadyEnded"/>.</summary>
    public Task<CallUpdateResult> EndCallAsync(string callSid, CancellationToken cancellationToken) =>
        UpdateCallAsync(callSid, "Status", "completed", "end", cancellationToken);

    /// <summary>Replaces what the live call is doing with <paramref name="twiml"/> (<c>Twiml=</c>, inline).</summary>
    public Task<CallUpdateResult> RedirectCallAsync(string callSid, string twiml, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(twiml);
        return UpdateCallAsync(callSid, "Twiml", twiml, "redirect", cancellationToken);
    }

    private async Task<CallUpdateResult> UpdateCallAsync(string callSid, string field, string value, string action, CancellationToken cancellationToken)
    {
        var twilio = options.Value;
        if (!twilio.HasCredentials)
        {
            TwilioRestLog.NotConfigured(logger, action, callSid);
            return new(CallUpdateOutcome.NotConfigured, null, "Twilio:AccountSid / Twilio:AuthToken are not set (local mode); the call was not touched");
        }

        // Real SIDs are CA + 32 hex; the simulator's are looser. Either way only letters and digits reach the URL.
        if (callSid is null || !CallSidPattern().IsMatch(callSid))
        {
            TwilioRestLog.MalformedCallSid(logger, action);
            return Failed("not a call SID (2 to 64 letters or digits)");
        }

        if (!Uri.TryCreate(
            $"{twilio.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(twilio.AccountSid!)}/Calls/{Uri.EscapeDataString(callSid)}.json",
            UriKind.Absolute,
            out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            return Failed("Twilio:ApiBaseUrl is not an absolute http(s) URL");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent([new(field, value)]) };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        Exception? failure = null;
        CallUpdateResult result;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            result = TwilioCallResponse.Interpret(response, body);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            (failure, result) = (error, Failed("Twilio did not answer in time"));
        }
        catch (HttpRequestException error)
        {
            (failure, result) = (error, Failed($"could not reach Twilio at {twilio.ApiBaseUrl}: {error.Message}"));
        }
        catch (ExecutionRejectedException error)
        {
            // The resilience pipeline gave up: total timeout, or the circuit is open after repeated failures.
            (failure, result) = (error, Failed($"Twilio did not answer: {error.Message}"));
        }

        Log(action, callSid, result, failure);
        return result;
    }

    private static CallUpdateResult Failed(string message) => new(CallUpdateOutcome.Failed, null, message);

    private void Log(string action, string callSid, CallUpdateResult result, Exception? failure)
    {
        switch (result.Outcome)
        {
            case CallUpdateOutcome.Updated:
                TwilioRestLog.Updated(logger, action, callSid);
                break;
            case CallUpdateOutcome.AlreadyEnded:
                TwilioRestLog.AlreadyEnded(logger, action, callSid);
                break;
            default:
                TwilioRestLog.Failed(logger, action, callSid, result.Message ?? "no message", failure);
                break;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex CallSidPattern();
}
