using System.Net;
using System.Text.Json;

namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>Turns Twilio's answer to a call update into a <see cref="CallUpdateResult"/>.</summary>
internal static class TwilioCallResponse
{
    private const int CallNotFound = 20404;
    private const int MaxTwilioMessage = 200;

    public static CallUpdateResult Interpret(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return new(CallUpdateOutcome.Updated, status, null);
        }

        var (code, twilioMessage) = ReadError(body);
        if (response.StatusCode == HttpStatusCode.NotFound || code == CallNotFound)
        {
            return new(CallUpdateOutcome.AlreadyEnded, status, "the call had already ended");
        }

        var answered = $"Twilio answered {status} {response.ReasonPhrase ?? response.StatusCode.ToString()}";
        var message = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => $"{answered}: check Twilio:AccountSid / Twilio:AuthToken",
            HttpStatusCode.Forbidden => $"{answered}: check Twilio:AccountSid / Twilio:AuthToken and the account's permissions",
            _ when twilioMessage is not null => $"{answered}: {twilioMessage} (error {code})",
            _ => answered,
        };
        return new(CallUpdateOutcome.Failed, status, message);
    }

    /// <summary>Twilio's error body is <c>{"code":…,"message":…,"more_info":…,"status":…}</c>; anything else is ignored.</summary>
    private static (int? Code, string? Message) ReadError(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            int? code = json.RootElement.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
            var message = json.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (code, message is { Length: > MaxTwilioMessage } ? message[..MaxTwilioMessage] + "…" : message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
