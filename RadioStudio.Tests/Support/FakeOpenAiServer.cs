using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RadioStudio.Tests.Support;

/// <summary>
/// An OpenAI-compatible API on 127.0.0.1 (a free port) for integration tests through the real OpenAI client:
/// streaming and plain <c>/v1/chat/completions</c>, <c>/v1/audio/speech</c> (raw PCM16 24 kHz, streamed),
/// <c>/v1/audio/transcriptions</c> (multipart in, JSON or text out) and <c>/v1/models</c>. Every answer has a
/// deterministic latency so timing logic is testable; every request is recorded. Point an
/// <c>Endpoint</c> setting at <see cref="BaseUrl"/> (which ends in <c>/v1</c>).
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    /// <summary>Sample rate of the speech endpoint's <c>pcm</c> output (OpenAI's is 24 kHz).</summary>
    public const int SpeechSampleRate = 24_000;

    private readonly ConcurrentQueue<FakeOpenAiRequest> _requests = new();
    private readonly ConcurrentQueue<(string Event, int Index, long Timestamp)> _timeline = new();
    private readonly WebApplication _app;
    private int _chatStreamsOpen;

    private FakeOpenAiServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet("/v1/models", ModelsAsync);
        _app.MapPost("/v1/chat/completions", ChatAsync);
        _app.MapPost("/v1/audio/speech", SpeechAsync);
        _app.MapPost("/v1/audio/transcriptions", TranscriptionAsync);
    }

    /// <summary>e.g. http://127.0.0.1:41234/v1 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<FakeOpenAiRequest> Requests => [.. _requests];

    /// <summary>Streamed chat replies still being sent right now.</summary>
    public int ChatStreamsOpen => Volatile.Read(ref _chatStreamsOpen);

    /// <summary>
    /// What the server did and when (Stopwatch ticks), in order, for latency measurements: <c>chat.stream</c> /
    /// <c>chat.plain</c> (request read), <c>chat.token</c> (token <c>Index</c> flushed), <c>chat.done</c>,
    /// <c>tts.request</c>, <c>tts.audio</c> (chunk <c>Index</c> flushed), <c>stt.request</c> (form read), <c>stt.reply</c>.
    /// </summary>
    public IReadOnlyList<(string Event, int Index, long Timestamp)> Timeline => [.. _timeline];

    /// <summary>Model ids <c>/v1/models</c> lists.</summary>
    public IReadOnlyList<string> Models { get; set; } = ["fake-dialogue", "fake-cheap"];

    /// <summary>Decides each chat answer from the request body (messages, model, stream flag).</summary>
    public Func<JsonObject, FakeChatReply> Chat { get; set; } = _ => FakeChatReply.Text("Well, hello there. I've been waiting all night to get through.");

    /// <summary>Decides each speech answer from the request body (input, voice, model).</summary>
    public Func<JsonObject, FakeSpeechReply> Speech { get; set; } = body => FakeSpeechReply.ToneFor((string?)body["input"] ?? "");

    /// <summary>Decides each transcription answer from the uploaded audio's size in bytes and the form fields.</summary>
    public Func<long, IReadOnlyDictionary<string, string>, FakeTranscriptionReply> Transcription { get; set; } =
        (_, _) => new FakeTranscriptionReply("hello caller", TimeSpan.Zero);

    /// <summary>Starts a server and returns once it listens.</summary>
    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var server = new FakeOpenAiServer();
        await server._app.StartAsync();
        server.BaseUrl = server._app.Urls.First().TrimEnd('/') + "/v1";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ModelsAsync(HttpContext context)
    {
        Record(context, "");
        var data = new JsonArray([.. Models.Select(m => (JsonNode)new JsonObject { ["id"] = m, ["object"] = "model", ["created"] = 0, ["owned_by"] = "fake" })]);
        await WriteJsonAsync(context, new JsonObject { ["object"] = "list", ["data"] = data });
    }

    private async Task ChatAsync(HttpContext context)
    {
        var body = await ReadJsonAsync(context);
        var reply = Chat(body);
        if (reply.HtmlBody is { } html)
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(html);
            return;
        }

        if (reply.Status != 200)
        {
            await FailAsync(context, reply.Status, reply.FirstTokenDelay);
            return;
        }

        var model = (string?)body["model"] ?? "fake";
        if ((bool?)body["stream"] != true)
        {
            Mark("chat.plain");
            await DelayAsync(reply.FirstTokenDelay + (reply.TokenInterval * reply.Tokens.Count), context.RequestAborted);
            var message = new JsonObject { ["role"] = "assistant", ["content"] = string.Concat(reply.Tokens) };
            var choice = new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = reply.FinishReason };
            await WriteJsonAsync(context, new JsonObject
            {
                ["id"] = "chatcmpl-fake", ["object"] = "chat.completion", ["created"] = 0, ["model"] = model,
                ["choices"] = new JsonArray(choice),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = reply.Tokens.Count, ["total_tokens"] = 1 + reply.Tokens.Count },
            });
            return;
        }

        Mark("chat.stream");
        context.Response.ContentType = "text/event-stream";
        Interlocked.Increment(ref _chatStreamsOpen);
        try
        {
            await StreamChatAsync(context, reply, model);
        }
        finally
        {
            Interlocked.Decrement(ref _chatStreamsOpen);
        }
    }

    private async Task StreamChatAsync(HttpContext context, FakeChatReply reply, string model)
    {
        await DelayAsync(reply.FirstTokenDelay, context.RequestAborted);
        for (var i = 0; i < reply.Tokens.Count; i++)
        {
            if (i > 0)
            {
                await DelayAsync(reply.TokenInterval, context.RequestAborted);
            }

            var delta = new JsonObject { ["content"] = reply.Tokens[i] };
            if (i == 0)
            {
                delta["role"] = "assistant";
            }

            await WriteEventAsync(context, Chunk(model, delta, null));
            Mark("chat.token", i);
        }

        await WriteEventAsync(context, Chunk(model, new JsonObject(), reply.FinishReason));
        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
        Mark("chat.done");
    }

    private async Task SpeechAsync(HttpContext context)
    {
        var body = await ReadJsonAsync(context);
        var reply = Speech(body);
        if (reply.Status != 200)
        {
            await FailAsync(context, reply.Status, reply.FirstAudioDelay);
            return;
        }

        Mark("tts.request");
        context.Response.ContentType = "audio/pcm";
        await DelayAsync(reply.FirstAudioDelay, context.RequestAborted);
        const int chunk = 4800; // 100 ms of 24 kHz PCM16
        for (var offset = 0; offset < reply.Pcm16.Length; offset += chunk)
        {
            await context.Response.Body.WriteAsync(reply.Pcm16.AsMemory(offset, Math.Min(chunk, reply.Pcm16.Length - offset)), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            Mark("tts.audio", offset / chunk);
            if (offset == 0 && reply.HoldAfterFirstChunk is { } hold)
            {
                await hold.WaitAsync(context.RequestAborted);
            }
        }
    }

    private async Task TranscriptionAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var file = form.Files.Count > 0 ? form.Files[0] : null;
        Record(context, string.Join('&', fields.Select(f => f.Key + "=" + f.Value)), file?.Length ?? 0);
        Mark("stt.request");
        var reply = Transcription(file?.Length ?? 0, fields);
        await DelayAsync(reply.Delay, context.RequestAborted);
        if (reply.Status != 200)
        {
            await FailAsync(context, reply.Status, TimeSpan.Zero);
            return;
        }

        if (fields.TryGetValue("response_format", out var format) && format == "text")
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(reply.Text, context.RequestAborted);
            Mark("stt.reply");
            return;
        }

        await WriteJsonAsync(context, new JsonObject { ["text"] = reply.Text });
        Mark("stt.reply");
    }

    private void Mark(string what, int index = 0) => _timeline.Enqueue((what, index, Stopwatch.GetTimestamp()));

    private static JsonObject Chunk(string model, JsonObject delta, string? finish) => new()
    {
        ["id"] = "chatcmpl-fake", ["object"] = "chat.completion.chunk", ["created"] = 0, ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    };

    private async Task<JsonObject> ReadJsonAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        Record(context, text);
        return JsonNode.Parse(text) as JsonObject ?? [];
    }

    private void Record(HttpContext context, string body, long fileBytes = 0) =>
        _requests.Enqueue(new FakeOpenAiRequest(
            context.Request.Method, context.Request.Path.Value ?? "", context.Request.Headers.Authorization.FirstOrDefault(), body, fileBytes));

    private static async Task FailAsync(HttpContext context, int status, TimeSpan delay)
    {
        await DelayAsync(delay, context.RequestAborted);
        context.Response.StatusCode = status;
        await WriteJsonAsync(context, new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = $"fake failure {status}", ["type"] = "server_error", ["code"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
    }

    private static async Task WriteEventAsync(HttpContext context, JsonObject data)
    {
        await context.Response.WriteAsync("data: " + data.ToJsonString() + "\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static Task WriteJsonAsync(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private static Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, cancellationToken) : Task.CompletedTask;
}
