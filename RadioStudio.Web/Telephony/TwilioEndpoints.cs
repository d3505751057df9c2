using Microsoft.Extensions.Options;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Web.Telephony;

/// <summary>
/// Twilio's three doors into the studio. The two webhooks are anonymous, so every request must carry a
/// valid X-Twilio-Signature for the public URL (and must not be a replay); anything else gets 403 and a
/// log line, and nothing else happens. The stream endpoint trusts only the one-time token in <c>start</c>.
/// </summary>
public static partial class TwilioEndpoints
{
    /// <summary>Maps POST /twilio/voice, POST /twilio/status and the /twilio/stream WebSocket.</summary>
    public static void MapTwilio(this IEndpointRouteBuilder app)
    {
        app.MapPost("/twilio/voice", VoiceAsync).DisableAntiforgery();
        app.MapPost("/twilio/status", StatusAsync).DisableAntiforgery();
        app.Map("/twilio/stream", StreamAsync);
    }

    private static async Task<IResult> VoiceAsync(HttpContext http, PhoneSystem phones, WebhookReplayGuard replays, IOptions<TwilioOptions> options, ILogger<PhoneSystem> logger)
    {
        var form = await ReadSignedFormAsync(http, phones, replays, options.Value, logger);
        if (form is null)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var call = new IncomingCall(Get(form, "CallSid"), Get(form, "From"), Get(form, "To"), Get(form, "AccountSid"));
        if (call.CallSid.Length == 0)
        {
            return Results.BadRequest("CallSid is missing.");
        }

        var answer = await phones.AnswerAsync(call, PublicBase(http, options.Value), http.RequestAborted);
        return Results.Content(answer.Twiml, "text/xml", System.Text.Encoding.UTF8);
    }

    private static async Task<IResult> StatusAsync(HttpContext http, PhoneSystem phones, WebhookReplayGuard replays, IOptions<TwilioOptions> options, ILogger<PhoneSystem> logger)
    {
        var form = await ReadSignedFormAsync(http, phones, replays, options.Value, logger);
        if (form is null)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        await phones.HandleStatusAsync(Get(form, "CallSid"), form.GetValueOrDefault("CallStatus"), form.GetValueOrDefault("StreamEvent"));
        return Results.NoContent();
    }

    private static async Task StreamAsync(HttpContext http, PhoneSystem phones, IOptions<TwilioOptions> options, ILogger<MediaStreamSession> logger)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var session = new MediaStreamSession(socket, phones, options.Value.MaxMessageBytes, logger, phones.SendPump);
        await session.RunAsync(http.RequestAborted);
    }

    /// <summary>The form, if the request is signed for its public URL and not seen before; else null (and logged).</summary>
    private static async Task<Dictionary<string, string>?> ReadSignedFormAsync(
        HttpContext http, PhoneSystem phones, WebhookReplayGuard replays, TwilioOptions options, ILogger logger)
    {
        var signature = http.Request.Headers["X-Twilio-Signature"].ToString();
        var url = PublicBase(http, options) + http.Request.Path + http.Request.QueryString;
        if (!http.Request.HasFormContentType)
        {
            Log.Forbidden(logger, http.Request.Path, "not a form post", http.Connection.RemoteIpAddress?.ToString() ?? "?");
            return null;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var pairs = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        if (string.IsNullOrEmpty(signature) || !phones.Validator.Validate(url, pairs, signature))
        {
            Log.Forbidden(logger, http.Request.Path, string.IsNullOrEmpty(signature) ? "unsigned" : "bad signature", http.Connection.RemoteIpAddress?.ToString() ?? "?");
            return null;
        }

        if (!replays.TryAccept(signature))
        {
            Log.Forbidden(logger, http.Request.Path, "replayed", http.Connection.RemoteIpAddress?.ToString() ?? "?");
            return null;
        }

        return pairs.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
    }

    /// <summary>Twilio signs the public URL it requested (a tunnel's); without one configured, our own.</summary>
    internal static string PublicBase(HttpContext http, TwilioOptions options) =>
        (string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? $"{http.Request.Scheme}://{http.Request.Host}" : options.PublicBaseUrl).TrimEnd('/');

    private static string Get(Dictionary<string, string> form, string key) => form.GetValueOrDefault(key) ?? "";

    private static partial class Log
    {
        [LoggerMessage(400, LogLevel.Warning, "Refused {Path} ({Reason}) from {Remote}: 403")]
        public static partial void Forbidden(ILogger logger, string path, string reason, string remote);
    }
}
