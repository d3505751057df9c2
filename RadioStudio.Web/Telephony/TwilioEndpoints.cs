using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Persistence;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Web.Telephony;

/// <summary>
/// Twilio's three doors into the studio. The two webhooks are anonymous, so every request must carry a
/// valid X-Twilio-Signature for the public URL (and must not be a replay); anything else gets 403 (413 when too
/// big) and a log line, and nothing else happens. An unsigned request is refused before its body is read.
/// The stream endpoint trusts only the one-time token in <c>start</c>, which must come within a few seconds.
/// </summary>
public static partial class TwilioEndpoints
{
    private static readonly FormOptions WebhookForm = new()
    {
        ValueCountLimit = 128,
        KeyLengthLimit = 128,
        ValueLengthLimit = 16 * 1024,
        BufferBody = false,
        MultipartBodyLengthLimit = 0,
    };

    /// <summary>Maps POST /twilio/voice, POST /twilio/status and the /twilio/stream WebSocket.</summary>
    public static void MapTwilio(this IEndpointRouteBuilder app)
    {
        app.MapPost("/twilio/voice", VoiceAsync).DisableAntiforgery();
        app.MapPost("/twilio/status", StatusAsync).DisableAntiforgery();
        app.Map("/twilio/stream", StreamAsync);
    }

    private static async Task<IResult> VoiceAsync(
        HttpContext http, PhoneSystem phones, WebhookReplayGuard replays, VoiceAnswerCache answers, IStudioRepository calls,
        IStudioStore studio, IOptions<TwilioOptions> options, ILogger<PhoneSystem> logger)
    {
        var (form, refused) = await ReadSignedFormAsync(http, phones, options.Value, logger);
        if (form is null)
        {
            return refused!;
        }

        var call = new IncomingCall(Get(form, "CallSid"), Get(form, "From"), Get(form, "To"), Get(form, "AccountSid"));
        if (call.CallSid.Length == 0)
        {
            return Results.BadRequest("CallSid is missing.");
        }

        var signature = http.Request.Headers["X-Twilio-Signature"].ToString();
        if (answers.Repeat(call.CallSid, signature) is { } again
            && studio.Current.Lines.Any(l => l.CallSid == call.CallSid && l.Status == LineStatus.Ringing))
        {
            return Results.Content(again, "text/xml", System.Text.Encoding.UTF8);
        }

        if (!replays.TryAccept(signature) || await calls.CallSidKnownAsync(call.CallSid, http.RequestAborted))
        {
            Log.Forbidden(logger, http.Request.Path, "replayed", Remote(http));
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var answer = await phones.AnswerAsync(call, PublicBase(http, options.Value), http.RequestAborted);
        answers.Remember(call.CallSid, signature, answer.Twiml);
        return Results.Content(answer.Twiml, "text/xml", System.Text.Encoding.UTF8);
    }

    private static async Task<IResult> StatusAsync(HttpContext http, PhoneSystem phones, WebhookReplayGuard replays, IOptions<TwilioOptions> options, ILogger<PhoneSystem> logger)
    {
        var (form, refused) = await ReadSignedFormAsync(http, phones, options.Value, logger);
        if (form is null)
        {
            return refused!;
        }

        if (!replays.TryAccept(http.Request.Headers["X-Twilio-Signature"].ToString()))
        {
            Log.Forbidden(logger, http.Request.Path, "replayed", Remote(http));
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        await phones.HandleStatusAsync(Get(form, "CallSid"), form.GetValueOrDefault("CallStatus"), form.GetValueOrDefault("StreamEvent"));
        return Results.NoContent();
    }

    private static async Task StreamAsync(
        HttpContext http, PhoneSystem phones, PendingStreamGate pending, IOptions<TwilioOptions> options, ILogger<MediaStreamSession> logger)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var settings = options.Value;
        if (!pending.TryEnter(settings.MaxPendingStreams))
        {
            Log.TooManyPending(logger, pending.Pending, Remote(http));
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var counted = true;
        try
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var session = new MediaStreamSession(socket, phones, settings.MaxMessageBytes, logger, phones.SendPump);
            var run = session.RunAsync(http.RequestAborted);
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.StreamStartTimeoutSeconds)))
            {
                await Task.WhenAny(run, session.Started, Task.Delay(Timeout.Infinite, timeout.Token)).ConfigureAwait(false);
            }

            pending.Exit();
            counted = false;
            if (!session.Started.IsCompleted && !run.IsCompleted)
            {
                Log.NeverStarted(logger, settings.StreamStartTimeoutSeconds, Remote(http));
                session.Close();
            }

            await run;
        }
        finally
        {
            if (counted)
            {
                pending.Exit();
            }
        }
    }

    /// <summary>
    /// The form, if the request is signed for its public URL; else null and the answer to give. The signature header
    /// and the size are checked before a byte of the body is read; the form is parsed with tight limits.
    /// </summary>
    private static async Task<(Dictionary<string, string>? Form, IResult? Refused)> ReadSignedFormAsync(
        HttpContext http, PhoneSystem phones, TwilioOptions options, ILogger logger)
    {
        var signature = http.Request.Headers["X-Twilio-Signature"].ToString();
        if (string.IsNullOrEmpty(signature) || !http.Request.HasFormContentType)
        {
            Log.Forbidden(logger, http.Request.Path, string.IsNullOrEmpty(signature) ? "unsigned" : "not a form post", Remote(http));
            return (null, Results.StatusCode(StatusCodes.Status403Forbidden));
        }

        if (http.Request.ContentLength > options.MaxWebhookBodyBytes)
        {
            Log.Forbidden(logger, http.Request.Path, "body too large", Remote(http));
            return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = options.MaxWebhookBodyBytes;
        }

        List<KeyValuePair<string, string>> pairs;
        try
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, WebhookForm));
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            pairs = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        }
        catch (Exception error) when (error is InvalidDataException or BadHttpRequestException or IOException)
        {
            // Too many fields, a field too long, a body over the cap while streaming, or a torn upload.
            Log.Forbidden(logger, http.Request.Path, "malformed or oversized form", Remote(http));
            return (null, Results.StatusCode(error is BadHttpRequestException { StatusCode: 413 } || error is InvalidDataException
                ? StatusCodes.Status413PayloadTooLarge
                : StatusCodes.Status400BadRequest));
        }

        var url = PublicBase(http, options) + http.Request.Path + http.Request.QueryString;
        if (!phones.Validator.Validate(url, pairs, signature))
        {
            Log.Forbidden(logger, http.Request.Path, "bad signature", Remote(http));
            return (null, Results.StatusCode(StatusCodes.Status403Forbidden));
        }

        return (pairs.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal), null);
    }

    /// <summary>Twilio signs the public URL it requested (a tunnel's); without one configured, our own.</summary>
    internal static string PublicBase(HttpContext http, TwilioOptions options) =>
        (string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? $"{http.Request.Scheme}://{http.Request.Host}" : options.PublicBaseUrl).TrimEnd('/');

    private static string Get(Dictionary<string, string> form, string key) => form.GetValueOrDefault(key) ?? "";

    private static string Remote(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "?";

    private static partial class Log
    {
        [LoggerMessage(400, LogLevel.Warning, "Refused {Path} ({Reason}) from {Remote}")]
        public static partial void Forbidden(ILogger logger, string path, string reason, string remote);

        [LoggerMessage(401, LogLevel.Warning, "Refused a media stream socket from {Remote}: {Pending} are already waiting for start")]
        public static partial void TooManyPending(ILogger logger, int pending, string remote);

        [LoggerMessage(402, LogLevel.Warning, "Closed a media stream socket from {Remote}: no valid start within {Seconds} s")]
        public static partial void NeverStarted(ILogger logger, int seconds, string remote);
    }
}
