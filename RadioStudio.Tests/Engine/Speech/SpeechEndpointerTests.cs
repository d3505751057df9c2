using RadioStudio.Engine.Speech.Vad;
using static RadioStudio.Tests.Engine.Speech.SyntheticSpeech;

namespace RadioStudio.Tests.Engine.Speech;

public sealed class SpeechEndpointerTests
{
    private const int Frame = Rate / 50;
    private const double ToleranceSeconds = 0.040;

    [Fact]
    public void Process_DigitalSilenceAndQuietNoise_ProducesNoEvents()
    {
        var (events, segments) = Run(Concat(Silence(2), Noise(3, -60)));

        Assert.Empty(events);
        Assert.Empty(segments);
    }

    [Theory]
    [InlineData("white noise at -30 dBFS from the start")]
    [InlineData("low-passed noise at -30 dBFS from the start")]
    [InlineData("440 Hz tone at -20 dBFS starting after 1 s")]
    [InlineData("50 Hz hum at -25 dBFS starting after 1 s")]
    public void Process_SteadyNoiseOrTone_ProducesNoSegment(string signal)
    {
        var audio = signal switch
        {
            "white noise at -30 dBFS from the start" => Noise(6, -30),
            "low-passed noise at -30 dBFS from the start" => Noise(6, -30, seed: 7, lowPass: true),
            "440 Hz tone at -20 dBFS starting after 1 s" => Concat(Noise(1.013, -60), Tone(5, 440, -20)),
            _ => Concat(Noise(1.007, -60), Tone(5, 50, -25)),
        };

        var (events, segments) = Run(audio);

        Assert.DoesNotContain(EndpointerEvent.SpeechStarted, events.Select(e => e.Event));
        Assert.Empty(segments);
    }

    [Fact]
    public void Process_OneSpeechBurst_ProducesOneSegmentWithAccurateOnsetAndOffset()
    {
        var audio = Mix(Noise(4, -60), Concat(Silence(1.0), Burst(1.2), Silence(1.8)));

        var (events, segments) = Run(audio);

        Assert.Equal([EndpointerEvent.SpeechStarted, EndpointerEvent.SpeechEnded], events.Select(e => e.Event));
        var segment = Assert.Single(segments);
        Assert.InRange(segment.Onset.TotalSeconds, 1.0 - ToleranceSeconds, 1.0 + ToleranceSeconds);
        Assert.InRange(segment.Offset.TotalSeconds, 2.2 - ToleranceSeconds, 2.2 + ToleranceSeconds);
        Assert.Equal(segment.OnsetSample - (Rate / 5), segment.StartSample);
        Assert.Equal(segment.OffsetSample - segment.StartSample, segment.Segment.Samples.Length);
        Assert.Equal(Rate, segment.Segment.SampleRate);

        // The start is confirmed within about 150 ms; the end waits for the 700 ms of trailing silence.
        Assert.InRange(events[0].AtSeconds, 1.05, 1.2);
        Assert.InRange(events[1].AtSeconds, segment.Offset.TotalSeconds + 0.69, segment.Offset.TotalSeconds + 0.73);
    }

    [Fact]
    public void Process_SpeechOverAbsorbedHum_IsStillDetected()
    {
        var hum = Concat(Noise(1.007, -60), Tone(6, 50, -30));
        var audio = Mix(hum, Concat(Silence(3.0), Burst(1.5, -12), Silence(2.5)));

        var (_, segments) = Run(audio);

        var segment = Assert.Single(segments);
        Assert.InRange(segment.Onset.TotalSeconds, 3.0 - ToleranceSeconds, 3.0 + ToleranceSeconds);
    }

    [Fact]
    public void Process_ShortClick_ProducesNoSegment()
    {
        var click = Concat(Silence(1), Burst(0.03, -6), Silence(2));

        var (events, segments) = Run(Mix(Noise(3.03, -60), click));

        Assert.Empty(events);
        Assert.Empty(segments);
    }

    [Fact]
    public void Process_BlipShorterThanMinimumSpeech_IsDiscarded()
    {
        var audio = Mix(Noise(3.2, -60), Concat(Silence(1), Burst(0.18), Silence(2)));

        var (events, segments) = Run(audio);

        Assert.Equal([EndpointerEvent.SpeechStarted, EndpointerEvent.SpeechDiscarded], events.Select(e => e.Event));
        Assert.Empty(segments);
    }

    [Fact]
    public void Process_TwoUtterancesOneSecondApart_ProducesTwoSegments()
    {
        var audio = Mix(Noise(6.5, -60), Concat(Silence(1), Burst(1.0), Silence(1.0), Burst(1.5), Silence(2)));

        var (_, segments) = Run(audio);

        Assert.Equal(2, segments.Count);
        Assert.InRange(segments[0].Onset.TotalSeconds, 1.0 - ToleranceSeconds, 1.0 + ToleranceSeconds);
        Assert.InRange(segments[0].Offset.TotalSeconds, 2.0 - ToleranceSeconds, 2.0 + ToleranceSeconds);
        Assert.InRange(segments[1].Onset.TotalSeconds, 3.0 - ToleranceSeconds, 3.0 + ToleranceSeconds);
        Assert.InRange(segments[1].Offset.TotalSeconds, 4.5 - ToleranceSeconds, 4.5 + ToleranceSeconds);
    }

    [Fact]
    public void Process_SpeechLongerThanMaximum_IsCutAtMaximumLength()
    {
        var options = new EndpointerOptions { MaximumSegment = TimeSpan.FromSeconds(5) };
        var audio = Mix(Noise(10, -60), Concat(Silence(0.5), Burst(8), Silence(1.5)));

        var (_, segments) = Run(audio, options);

        Assert.Equal(2, segments.Count);
        Assert.Equal(5 * Rate, segments[0].Segment.Samples.Length);
        Assert.InRange(segments[1].Offset.TotalSeconds, 8.5 - ToleranceSeconds, 8.5 + ToleranceSeconds);
        Assert.True(segments[1].StartSample < segments[0].OffsetSample + Rate, "the rest follows on at once");
    }

    [Fact]
    public void Process_SteadyState_AllocatesNothingPerFrame()
    {
        var endpointer = new SpeechEndpointer();
        var quiet = Noise(10, -60);
        var speech = Mix(Noise(4, -60), Concat(Silence(0.5), Burst(2), Silence(1.5)));
        Feed(endpointer, speech);
        endpointer.TakeSegment();
        Feed(endpointer, quiet);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Feed(endpointer, quiet);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TakeSegment_CalledTwice_ReturnsNullTheSecondTime()
    {
        var endpointer = new SpeechEndpointer();
        Feed(endpointer, Mix(Noise(3, -60), Concat(Silence(0.5), Burst(1), Silence(1.5))));

        Assert.NotNull(endpointer.TakeSegment());
        Assert.Null(endpointer.TakeSegment());
    }

    private static void Feed(SpeechEndpointer endpointer, float[] audio)
    {
        for (var offset = 0; offset + Frame <= audio.Length; offset += Frame)
        {
            endpointer.Process(audio.AsSpan(offset, Frame));
        }
    }

    private static (List<(EndpointerEvent Event, double AtSeconds)> Events, List<EndpointedSegment> Segments) Run(float[] audio, EndpointerOptions? options = null)
    {
        var endpointer = new SpeechEndpointer(options);
        var events = new List<(EndpointerEvent, double)>();
        var segments = new List<EndpointedSegment>();
        for (var offset = 0; offset + Frame <= audio.Length; offset += Frame)
        {
            var result = endpointer.Process(audio.AsSpan(offset, Frame));
            if (result == EndpointerEvent.None)
            {
                continue;
            }

            events.Add((result, (double)(offset + Frame) / Rate));
            if (result == EndpointerEvent.SpeechEnded)
            {
                segments.Add(endpointer.TakeSegment() ?? throw new InvalidOperationException("SpeechEnded without a segment"));
            }
        }

        return (events, segments);
    }
}
