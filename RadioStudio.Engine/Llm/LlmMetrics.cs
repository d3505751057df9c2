using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RadioStudio.Engine.Llm;

/// <summary>
/// The LLM histograms on the <c>RadioStudio.Llm</c> meter: <c>radiostudio.llm.time_to_first_token</c> and
/// <c>radiostudio.llm.duration</c> (seconds), tagged with <c>purpose</c>, <c>model</c> and <c>outcome</c>.
/// </summary>
public sealed class LlmMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "RadioStudio.Llm";

    private readonly Histogram<double> _firstToken;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instruments from <paramref name="meterFactory"/>.</summary>
    public LlmMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _firstToken = meter.CreateHistogram<double>("radiostudio.llm.time_to_first_token", "s", "Time from request to the first streamed token");
        _duration = meter.CreateHistogram<double>("radiostudio.llm.duration", "s", "Time from request to the end of the reply");
    }

    /// <summary>Records one call.</summary>
    public void Record(LlmCallTiming timing)
    {
        ArgumentNullException.ThrowIfNull(timing);
        var tags = new TagList
        {
            { "purpose", timing.Purpose },
            { "model", timing.ModelId ?? "unknown" },
            { "outcome", timing.Succeeded ? "ok" : "error" },
        };
        if (timing.TimeToFirstToken is { } first)
        {
            _firstToken.Record(first.TotalSeconds, tags);
        }

        _duration.Record(timing.Total.TotalSeconds, tags);
    }
}
