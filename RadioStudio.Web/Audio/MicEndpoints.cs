using System.Net.WebSockets;
using RadioStudio.Engine.Audio.Devices;

namespace RadioStudio.Web.Audio;

/// <summary>
/// <c>/audio/mic</c>: the host's browser microphone. The page's AudioWorklet sends 20 ms chunks of PCM16
/// little-endian mono at the AudioContext's rate (<c>?rate=</c>); they go into the host mic capture that the
/// program, speech-to-text and stems read. Same-origin only (checked for every socket by SameOriginSocketMiddleware); a malformed chunk is counted and skipped, never fatal.
/// </summary>
public static partial class MicEndpoints
{
    private const string TakenOverReason = "another microphone took over";
    private const int MaxChunkBytes = 48_000 * 2 / 5; // 200 ms at 48 kHz: far more than one chunk

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapBrowserMic(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/audio/mic", HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, HostMicrophone mic, ILogger<HostMicrophone> logger)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!int.TryParse(context.Request.Query["rate"], out var rate) || !HostMicrophone.BrowserRates.Contains(rate))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"rate must be one of {string.Join(", ", HostMicrophone.BrowserRates)}", context.RequestAborted);
            return;
        }

        if (mic.DeviceOwned)
        {
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            await context.Response.WriteAsync($"The host mic is the studio's input device ({mic.Source}).", context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();

        // A newer tab taking over closes this one at once (a close frame may be sent while a receive is pending);
        // the handler then waits for that close rather than sending a second one.
        var takenOver = new TaskCompletionSource<Task>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ticket = mic.Connect(() => takenOver.TrySetResult(CloseQuietlyAsync(socket, TakenOverReason)));
        if (ticket == 0)
        {
            // A studio input device became the mic between the check above and now.
            await CloseQuietlyAsync(socket, "the host mic is the studio's input device");
            return;
        }

        Log.Connected(logger, rate);
        var buffer = new byte[MaxChunkBytes];
        var scratch = new float[MaxChunkBytes / 2];
        long malformed = 0;
        try
        {
            while (socket.State == WebSocketState.Open && mic.Owns(ticket))
            {
                var (length, type) = await ReceiveAsync(socket, buffer, context.RequestAborted);
                if (type == WebSocketMessageType.Close)
                {
                    break;
                }

                if (type != WebSocketMessageType.Binary || length < 0 || !mic.PushPcm16(ticket, buffer.AsSpan(0, length), rate, scratch))
                {
                    malformed += mic.Owns(ticket) ? 1 : 0;
                }
            }

            if (!mic.Owns(ticket))
            {
                await await takenOver.Task;
            }
            else if (socket.State == WebSocketState.Open)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
            // The tab closed or the network dropped: the mic just goes quiet.
        }
        finally
        {
            mic.Disconnect(ticket);
            Log.Disconnected(logger, malformed);
        }
    }

    private static async Task CloseQuietlyAsync(WebSocket socket, string reason)
    {
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, CancellationToken.None);
        }
        catch (Exception error) when (error is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The tab had already gone.
        }
    }

    /// <summary>Receives one whole message; −1 when it did not fit (it is drained and skipped).</summary>
    private static async Task<(int Length, WebSocketMessageType Type)> ReceiveAsync(WebSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        var overflow = false;
        while (true)
        {
            var segment = overflow || length == buffer.Length ? buffer.AsMemory() : buffer.AsMemory(length);
            var result = await socket.ReceiveAsync(segment, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (0, WebSocketMessageType.Close);
            }

            overflow |= length + result.Count > buffer.Length || (length == buffer.Length && result.Count > 0);
            length = overflow ? buffer.Length : length + result.Count;
            if (result.EndOfMessage)
            {
                return (overflow ? -1 : length, result.MessageType);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(700, LogLevel.Information, "Browser microphone connected ({Rate} Hz)")]
        public static partial void Connected(ILogger logger, int rate);

        [LoggerMessage(701, LogLevel.Information, "Browser microphone disconnected ({Malformed} malformed chunk(s) skipped)")]
        public static partial void Disconnected(ILogger logger, long malformed);
    }
}
