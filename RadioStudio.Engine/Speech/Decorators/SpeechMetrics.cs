using System.Diagnostics.Metrics;

namespace RadioStudio.Engine.Speech.Decorators;

/// <summary>
/// Latency histograms of the speech seams (meter <see cref="MeterName"/>), tagged with provider, model and
/// outcome (<c>ok</c>, <c>error</c>, <c>cancelled</c>): time to the first transcript update or audio chunk, and
/// time to the end.
/// </summary>
public sealed class SpeechMetrics
{
    /// <summary>The meter's name, for exporters and listeners.</summary>
    public const string MeterName = "RadioStudio.Speech";

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/> (null: a meter of its own).</summary>
    public SpeechMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        SpeechToTextFirstUpdate = meter.CreateHistogram<double>("radiostudio.stt.time_to_first_update", "s", "Time from sending a segment to its first transcript update.");
        SpeechToTextDuration = meter.CreateHistogram<double>("radiostudio.stt.duration", "s", "Time from sending a segment to its final transcript.");
        TextToSpeechFirstAudio = meter.CreateHistogram<double>("radiostudio.tts.time_to_first_audio", "s", "Time from sending text to its first audio chunk.");
        TextToSpeechDuration = meter.CreateHistogram<double>("radiostudio.tts.duration", "s", "Time from sending text to its last audio chunk.");
    }

    /// <summary>Seconds to the first transcript update.</summary>
    public Histogram<double> SpeechToTextFirstUpdate { get; }

    /// <summary>Seconds to the final transcript.</summary>
    public Histogram<double> SpeechToTextDuration { get; }

    /// <summary>Seconds to the first audio chunk.</summary>
    public Histogram<double> TextToSpeechFirstAudio { get; }

    /// <summary>Seconds to the last audio chunk.</summary>
    public Histogram<double> TextToSpeechDuration { get; }
}
