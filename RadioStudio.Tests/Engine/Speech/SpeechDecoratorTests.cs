using System.Diagnostics.Metrics;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Decorators;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Speech;

public sealed class SpeechDecoratorTests
{
    private static readonly SpeechSegment Segment = new(new float[16_000], 16_000);
    private static readonly VoiceInfo[] CloudVoices = [new("nova", "Nova", VoiceGender.Female), new("onyx", "Onyx", VoiceGender.Male)];
    private static readonly VoiceInfo[] OfflineVoices =
        [new("m1", "M1", VoiceGender.Male), new("f1", "F1", VoiceGender.Female), new("f2", "F2", VoiceGender.Female)];

    [Fact]
    public async Task WithTimeout_ProviderNeverAnswers_ThrowsTimeoutAndCancelsIt()
    {
        var hanging = ScriptedSpeechToText.Hanging("cloud");
        var client = hanging.WithTimeout(TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAsync<TimeoutException>(async () => await Collect(client.TranscribeStreamingAsync(Segment)));

        Assert.Contains("cloud/cloud-model", error.Message, StringComparison.Ordinal);
        await hanging.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WithTimeout_ProviderAnswersInTime_PassesTheAnswerThrough()
    {
        var client = ScriptedSpeechToText.Answering("cloud", "hello").WithTimeout(TimeSpan.FromSeconds(10));

        var updates = await Collect(client.TranscribeStreamingAsync(Segment));

        Assert.Equal("hello", Assert.Single(updates).Text);
    }

    [Fact]
    public async Task WithFallback_PrimaryTimesOut_UsesFallbackAndLogsWarning()
    {
        var logger = new RecordingLogger<SpeechDecoratorTests>();
        var offline = ScriptedSpeechToText.Answering("offline", "from offline");
        var client = ScriptedSpeechToText.Hanging("cloud").WithTimeout(TimeSpan.FromMilliseconds(50)).WithFallback(offline, logger);

        var updates = await Collect(client.TranscribeStreamingAsync(Segment));

        Assert.Equal("from offline", Assert.Single(updates).Text);
        Assert.Equal(1, offline.Calls);
        Assert.Contains(logger.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Error is TimeoutException);
    }

    [Fact]
    public async Task WithFallback_PrimarySucceeds_NeverCallsFallback()
    {
        var offline = ScriptedSpeechToText.Answering("offline", "from offline");
        var client = ScriptedSpeechToText.Answering("cloud", "from cloud").WithFallback(offline);

        var updates = await Collect(client.TranscribeStreamingAsync(Segment));

        Assert.Equal("from cloud", Assert.Single(updates).Text);
        Assert.Equal(0, offline.Calls);
    }

    [Fact]
    public async Task WithFallback_TtsPrimaryFailsBeforeAudio_SpeaksWithFallbackVoiceOfSameGender()
    {
        var cloud = new ScriptedTextToSpeech("cloud", CloudVoices, chunks: 3, failAfter: 0);
        var offline = new ScriptedTextToSpeech("offline", OfflineVoices, chunks: 2);
        var client = cloud.WithFallback(offline);

        var chunks = await Collect(client.SynthesizeStreamingAsync("Hi", new TextToSpeechOptions(Voice: "nova")));

        Assert.Equal(2, chunks.Count);
        var voice = Assert.Single(offline.Requests).Voice;
        Assert.True(voice is "f1" or "f2", $"a female offline voice, got {voice}");
        Assert.Equal(voice, ((FallbackTextToSpeech)client).FallbackVoice("nova"));
    }

    [Fact]
    public async Task WithFallback_TtsPrimaryFailsAfterAudio_PropagatesTheError()
    {
        var cloud = new ScriptedTextToSpeech("cloud", CloudVoices, chunks: 3, failAfter: 1);
        var offline = new ScriptedTextToSpeech("offline", OfflineVoices, chunks: 2);
        var received = new List<SpeechAudioChunk>();

        await Assert.ThrowsAsync<SpeechProviderException>(async () =>
        {
            await foreach (var chunk in cloud.WithFallback(offline).SynthesizeStreamingAsync("Hi", new TextToSpeechOptions("nova")))
            {
                received.Add(chunk);
            }
        });

        Assert.Single(received);
        Assert.Empty(offline.Requests);
    }

    [Fact]
    public async Task WithMetrics_SuccessAndFailure_RecordsHistogramsWithOutcome()
    {
        using var meterFactory = new TestMeterFactory();
        var metrics = new SpeechMetrics(meterFactory);
        var measurements = new List<(string Instrument, double Value, string? Outcome, string? Provider)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SpeechMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            string? outcome = null, provider = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    outcome = tag.Value as string;
                }
                else if (tag.Key == "provider")
                {
                    provider = tag.Value as string;
                }
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, outcome, provider));
            }
        });
        listener.Start();

        await Collect(new ScriptedTextToSpeech("cloud", CloudVoices, chunks: 2).WithMetrics(metrics).SynthesizeStreamingAsync("Hi", new TextToSpeechOptions()));
        await Assert.ThrowsAsync<SpeechProviderException>(() => Collect(ScriptedSpeechToText.Failing("cloud").WithMetrics(metrics).TranscribeStreamingAsync(Segment)));

        Assert.Contains(measurements, m => m is { Instrument: "radiostudio.tts.time_to_first_audio", Provider: "cloud" } && m.Value >= 0);
        Assert.Contains(measurements, m => m is { Instrument: "radiostudio.tts.duration", Outcome: "ok" });
        Assert.Contains(measurements, m => m is { Instrument: "radiostudio.stt.duration", Outcome: "error" });
        Assert.DoesNotContain(measurements, m => m.Instrument == "radiostudio.stt.time_to_first_update");
    }

    internal static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> source)
    {
        var items = new List<T>();
        await foreach (var item in source)
        {
            items.Add(item);
        }

        return items;
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }
}
