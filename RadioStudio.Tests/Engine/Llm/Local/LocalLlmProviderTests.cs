using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.Persistence;
using RadioStudio.Tests.Support;
using RadioStudio.Tests.Support.Models;

namespace RadioStudio.Tests.Engine.Llm.Local;

/// <summary>
/// <c>Llm:Provider=local</c> through <see cref="LlmClients"/>: the generated GGUF in the data folder's models/
/// answers behind the timeout, fallback and latency decorators; a missing or corrupt model falls back to the
/// offline script.
/// </summary>
public sealed class LocalLlmProviderTests(LocalModelFixture fixture) : IClassFixture<LocalModelFixture>
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);
    private static readonly ChatMessage[] Persona =
        [new(ChatRole.System, "You are Rita, calling the show.\nWhy you are calling: my cat"), new(ChatRole.User, "Hello, you're on the air!")];

    [Fact]
    public async Task Dialogue_LocalProviderWithModelInDataFolder_StreamsFromTheLocalModel()
    {
        using var clients = Create(fixture.DataFolder, new LlmOptions { Provider = "local", MaxOutputTokens = 12, ContextSize = 512, Threads = 2 });
        using var timeout = new CancellationTokenSource(Generous);

        var updates = await LlmTestSupport.CollectAsync(clients.Dialogue.GetStreamingResponseAsync(Persona, cancellationToken: timeout.Token));

        Assert.False(clients.IsOffline);
        Assert.Equal("local · random-llama.gguf", clients.Label);
        Assert.NotEmpty(LlmTestSupport.TextOf(updates));
        Assert.All(updates.Where(u => u.Text.Length > 0), u => Assert.Equal(0, u.AdditionalProperties?[FallbackChatClient.LinkIndexProperty]));
        Assert.Equal("random-llama.gguf", updates.First(u => u.Text.Length > 0).ModelId);
    }

    [Fact]
    public async Task Dialogue_LocalProvider_LatencyIsMeasuredLikeTheCloudModels()
    {
        var sink = new Sink();
        using var clients = new LlmClients(
            Options.Create(new LlmOptions { Provider = "local", MaxOutputTokens = 6, ContextSize = 512, Threads = 2 }), TimeProvider.System, NullLoggerFactory.Instance,
            sinks: [sink], storage: Options.Create(new StorageOptions { Path = fixture.DataFolder }));
        using var timeout = new CancellationTokenSource(Generous);

        await LlmTestSupport.CollectAsync(clients.Dialogue.GetStreamingResponseAsync(Persona, cancellationToken: timeout.Token));

        var timing = Assert.Single(sink.Timings);
        Assert.True(timing.Succeeded);
        Assert.NotNull(timing.TimeToFirstToken);
        Assert.True(timing.Total >= timing.TimeToFirstToken);
    }

    [Fact]
    public async Task Utility_LocalProvider_AnswersNonStreamingFromTheSameModel()
    {
        using var clients = Create(fixture.DataFolder, new LlmOptions { Provider = "local", ModelPath = fixture.ModelPath, MaxOutputTokens = 8, ContextSize = 512, Threads = 2 });
        using var timeout = new CancellationTokenSource(Generous);

        var reply = await clients.Utility.GetResponseAsync(Persona, cancellationToken: timeout.Token);

        Assert.NotEmpty(reply.Text);
        Assert.Equal(0, reply.AdditionalProperties?[FallbackChatClient.LinkIndexProperty]);
    }

    [Fact]
    public async Task Dialogue_CancelledAfterFirstToken_StopsAndTheNextReplyStillRuns()
    {
        using var clients = Create(fixture.DataFolder, new LlmOptions { Provider = "local", MaxOutputTokens = 200, ContextSize = 512, Threads = 1 });
        using var cancel = new CancellationTokenSource(Generous);

        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in clients.Dialogue.GetStreamingResponseAsync(Persona, cancellationToken: cancel.Token))
            {
                if (update.Text.Length > 0 && ++seen == 1)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal(1, seen);
        using var timeout = new CancellationTokenSource(Generous);
        var after = await clients.Dialogue.GetResponseAsync(Persona, new ChatOptions { MaxOutputTokens = 4 }, timeout.Token);
        Assert.Equal(0, after.AdditionalProperties?[FallbackChatClient.LinkIndexProperty]);
    }

    [Fact]
    public void Reconfigure_SameLocalModel_LoadsItOnlyOnce()
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new LineProvider(lines)));
        var options = new LlmOptions { Provider = "local", ContextSize = 512, Threads = 1 };
        using var clients = new LlmClients(Options.Create(options), TimeProvider.System, loggers, storage: Options.Create(new StorageOptions { Path = fixture.DataFolder }));

        clients.Reconfigure(new LlmOptions { Provider = "local", ModelPath = fixture.ModelPath, ContextSize = 512, Threads = 1, Temperature = 0.5f });
        clients.Reconfigure(new LlmOptions { Provider = "local", ContextSize = 512, Threads = 1 });

        Assert.Single(lines, l => l.StartsWith("LLM: local model random-llama.gguf loaded", StringComparison.Ordinal));
        Assert.Equal("local · random-llama.gguf", clients.Label);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("truncated")]
    [InlineData("not-a-model")]
    public async Task Dialogue_BadLocalModel_OfflineScriptAnswers(string kind)
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "bad.gguf");
        if (kind == "truncated")
        {
            GgufLlamaModelWriter.Write(path);
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            file.SetLength(file.Length / 2);
        }
        else if (kind == "not-a-model")
        {
            await File.WriteAllTextAsync(path, "<html>404</html>");
        }

        using var clients = Create(folder.Path, new LlmOptions { Provider = "local", ModelPath = "bad.gguf", OfflineWordDelayMilliseconds = 0 });

        var reply = await clients.Dialogue.GetResponseAsync(Persona);

        Assert.Equal("local · no model (offline script)", clients.Label);
        Assert.Contains("Rita", reply.Text, StringComparison.Ordinal);
        Assert.Equal(1, reply.AdditionalProperties?[FallbackChatClient.LinkIndexProperty]);
    }

    private static LlmClients Create(string dataFolder, LlmOptions options) =>
        new(Options.Create(options), TimeProvider.System, NullLoggerFactory.Instance, storage: Options.Create(new StorageOptions { Path = dataFolder }));

    private sealed class Sink : ILlmLatencySink
    {
        public System.Collections.Concurrent.ConcurrentQueue<LlmCallTiming> Timings { get; } = new();

        public void Record(LlmCallTiming timing) => Timings.Enqueue(timing);
    }

    private sealed class LineProvider(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Forward(lines);

        public void Dispose()
        {
        }
    }

    private sealed class Forward(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));
    }
}
