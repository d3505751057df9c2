using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Speech.Decorators;

/// <summary>Times a streamed result into two histograms and logs its outcome; shared by both seams.</summary>
internal static class MeasuredStream
{
    public static async IAsyncEnumerable<T> MeasureAsync<T>(
        IAsyncEnumerable<T> source, Histogram<double> firstItem, Histogram<double> total, SpeechProviderInfo info, string seam,
        TimeProvider time, ILogger logger, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        double? first = null;
        var outcome = "stopped";
        var provider = new KeyValuePair<string, object?>("provider", info.Provider);
        var model = new KeyValuePair<string, object?>("model", info.Model);
        var enumerator = source.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    outcome = e is OperationCanceledException && cancellationToken.IsCancellationRequested ? "cancelled" : "error";
                    if (outcome == "error")
                    {
                        SpeechLog.Failed(logger, seam, info.Provider, info.Model, time.GetElapsedTime(started).TotalMilliseconds, e.Message, e is SpeechProviderException ? null : e);
                    }

                    throw;
                }

                if (!more)
                {
                    outcome = "ok";
                    break;
                }

                if (first is null)
                {
                    first = time.GetElapsedTime(started).TotalSeconds;
                    firstItem.Record(first.Value, provider, model);
                }

                yield return enumerator.Current;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started);
            total.Record(elapsed.TotalSeconds, provider, model, new("outcome", outcome));
            if (outcome == "ok")
            {
                SpeechLog.Completed(logger, seam, info.Provider, info.Model, (first ?? elapsed.TotalSeconds) * 1000, elapsed.TotalMilliseconds);
            }
        }
    }
}
