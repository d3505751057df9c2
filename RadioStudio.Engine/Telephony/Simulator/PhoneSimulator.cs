using System.Net.WebSockets;
using System.Security.Cryptography;
using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Engine.Telephony.Simulator;

/// <summary>
/// Places calls into a studio exactly as Twilio would: a signed voice webhook, then the media stream the
/// TwiML names. Used by the console's "Test call", the integration tests and the load runner.
/// </summary>
public sealed class PhoneSimulator(HttpClient http)
{
    /// <summary>Dials in; the returned call is connected (streaming) or refused with the studio's message.</summary>
    public async Task<SimulatedCall> PlaceCallAsync(SimulatedCallOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var callSid = options.CallSid ?? "CA" + RandomNumberGenerator.GetHexString(32, lowercase: true);
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccountSid"] = options.AccountSid,
            ["ApiVersion"] = "2010-04-01",
            ["CallSid"] = callSid,
            ["CallStatus"] = "ringing",
            ["Called"] = options.To,
            ["Caller"] = options.From,
            ["Direction"] = "inbound",
            ["From"] = options.From,
            ["To"] = options.To,
        };
        var (status, body) = await PostSignedAsync(options, "/twilio/voice", form, cancellationToken).ConfigureAwait(false);
        var call = new SimulatedCall(this, options, callSid);
        if (status != 200)
        {
            call.Refuse($"HTTP {status}", null);
            return call;
        }

        var answer = TwimlAnswer.Parse(body);
        if (answer.StreamUrl is null)
        {
            call.Refuse(string.Join(" ", answer.Said), answer);
            return call;
        }

        // Twilio dials the public URL; the simulator reaches the same path on the studio's own address.
        var target = new UriBuilder(options.StudioBaseUrl)
        {
            Scheme = options.StudioBaseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Path = answer.StreamUrl.AbsolutePath,
        }.Uri;
        WebSocket socket;
        try
        {
            socket = options.ConnectWebSocket is { } connect
                ? await connect(target, cancellationToken).ConfigureAwait(false)
                : await ConnectAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException error)
        {
            call.Refuse($"stream connection failed: {error.Message}", answer);
            return call;
        }

        call.Start(socket, answer);
        return call;
    }

    /// <summary>POSTs a form signed as Twilio would sign it for <see cref="SimulatedCallOptions.SignatureBaseUrl"/>.</summary>
    internal async Task<(int Status, string Body)> PostSignedAsync(
        SimulatedCallOptions options, string path, IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        var signature = TwilioRequestValidator.ComputeSignature(options.AuthToken, options.SignatureBaseUrl.TrimEnd('/') + path, form);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.StudioBaseUrl, path)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }

    private static async Task<WebSocket> ConnectAsync(Uri target, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
