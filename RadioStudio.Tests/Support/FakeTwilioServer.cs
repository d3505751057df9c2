using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RadioStudio.Tests.Support;

/// <summary>
/// Twilio's REST API as far as a test needs it: Kestrel on 127.0.0.1 (a free port) that records every request
/// and answers with <see cref="Responder"/> (by default 200 and a call resource). Point
/// <c>Twilio:ApiBaseUrl</c> at <see cref="BaseUrl"/>.
/// </summary>
public sealed class FakeTwilioServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly WebApplication _app;

    private FakeTwilioServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request so far, in arrival order (a snapshot; safe to read while requests arrive).</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Decides each answer; may be called from several threads at once.</summary>
    public Func<RecordedRequest, (int Status, string Body)> Responder { get; set; } = Ok;

    /// <summary>Starts a server and returns once it listens.</summary>
    public static async Task<FakeTwilioServer> StartAsync()
    {
        var server = new FakeTwilioServer();
        await server._app.StartAsync();
        server.BaseUrl = server._app.Urls.First().TrimEnd('/');
        return server;
    }

    /// <summary>200 with a minimal call resource, as Twilio answers a successful update.</summary>
    public static (int Status, string Body) Ok(RecordedRequest request) => (200, "{\"sid\":\"CA00000000000000000000000000000000\",\"status\":\"completed\"}");

    /// <summary>Twilio's error body shape.</summary>
    public static string ErrorBody(int status, int code, string message) =>
        $"{{\"code\":{code},\"message\":\"{message}\",\"more_info\":\"https://www.twilio.com/docs/errors/{code}\",\"status\":{status}}}";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.ContentType,
            await reader.ReadToEndAsync(context.RequestAborted));
        _requests.Enqueue(recorded);

        var (status, body) = Responder(recorded);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
