using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RadioStudio.Engine.Llm;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Llm;

public sealed class LatencyChatClientTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly FakeTimeProvider _time = new();
    private readonly LlmMetrics _metrics;

    public LatencyChatClientTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        _metrics = new LlmMetrics(factory);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == LlmMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            lock (_measurements)
            {
                _measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task GetStreamingResponseAsync_TimedStream_RecordsFirstTokenAndTotalHistograms()
    {
        var inner = new AdvancingChatClient(_time, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(100), "model-a", "One", " two", " three");
        var sink = new RecordingSink();
        using var chat = new LatencyChatClient(inner, _time, _metrics, [sink]);

        var updates = await LlmTestSupport.CollectAsync(chat.GetStreamingResponseAsync(LlmTestSupport.Hello, LlmPurposes.With(LlmPurposes.Dialogue)));

        Assert.Equal("One two three", LlmTestSupport.TextOf(updates));
        var first = Assert.Single(_measurements, m => m.Instrument == "radiostudio.llm.time_to_first_token");
        var total = Assert.Single(_measurements, m => m.Instrument == "radiostudio.llm.duration");
        Assert.Equal(0.25, first.Value, 6);
        Assert.Equal(0.45, total.Value, 6);
        Assert.Equal("model-a", total.Tags["model"]);
        Assert.Equal("dialogue", total.Tags["purpose"]);
        Assert.Equal("ok", total.Tags["outcome"]);
        var timing = Assert.Single(sink.Timings);
        Assert.Equal(new LlmCallTiming("dialogue", "model-a", TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(450), true), timing);
        Assert.Equal(timing, updates[^1].AdditionalProperties?[LlmCallTiming.PropertyKey]);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_InnerFails_RecordsErrorOutcomeAndRethrows()
    {
        var inner = new ThrowingStreamChatClient("model-a", [], new InvalidOperationException("boom"));
        using var chat = new LatencyChatClient(inner, _time, _metrics);

        await Assert.ThrowsAsync<InvalidOperationException>(() => LlmTestSupport.CollectAsync(chat.GetStreamingResponseAsync(LlmTestSupport.Hello, LlmPurposes.With(LlmPurposes.Summary))));

        var total = Assert.Single(_measurements, m => m.Instrument == "radiostudio.llm.duration");
        Assert.Equal("error", total.Tags["outcome"]);
        Assert.Equal("summary", total.Tags["purpose"]);
        Assert.DoesNotContain(_measurements, m => m.Instrument == "radiostudio.llm.time_to_first_token");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_RealClientAgainstFake_TagsTheAnsweringModel()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var chat = new LatencyChatClient(LlmTestSupport.OpenAiChat(server, "fake-dialogue"), TimeProvider.System, _metrics);

        var response = await chat.GetStreamingResponseAsync(LlmTestSupport.Hello).ToChatResponseAsync();

        var timing = Assert.IsType<LlmCallTiming>(response.AdditionalProperties?[LlmCallTiming.PropertyKey]);
        Assert.Equal("fake-dialogue", timing.ModelId);
        Assert.NotNull(timing.TimeToFirstToken);
        Assert.True(timing.TimeToFirstToken <= timing.Total);
        Assert.Contains(_measurements, m => m.Instrument == "radiostudio.llm.duration" && Equals(m.Tags["model"], "fake-dialogue"));
    }

    [Fact]
    public async Task GetResponseAsync_NonStreamed_AttachesTimingWithoutFirstToken()
    {
        var inner = new AdvancingChatClient(_time, TimeSpan.FromMilliseconds(300), TimeSpan.Zero, "model-a", "Done.");
        using var chat = new LatencyChatClient(inner, _time, _metrics);

        var response = await chat.GetResponseAsync(LlmTestSupport.Hello);

        var timing = Assert.IsType<LlmCallTiming>(response.AdditionalProperties?[LlmCallTiming.PropertyKey]);
        Assert.Null(timing.TimeToFirstToken);
        Assert.Equal(TimeSpan.FromMilliseconds(300), timing.Total);
    }

    private sealed class RecordingSink : ILlmLatencySink
    {
        public List<LlmCallTiming> Timings { get; } = [];

        public void Record(LlmCallTiming timing) => Timings.Add(timing);
    }
}
