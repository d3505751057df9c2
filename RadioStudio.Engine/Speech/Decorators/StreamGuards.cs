using System.Runtime.CompilerServices;

namespace RadioStudio.Engine.Speech.Decorators;

/// <summary>The timeout and fallback logic both speech seams share, over any streamed result.</summary>
internal static class StreamGuards
{
    /// <summary>
    /// Yields <paramref name="run"/>'s items but throws <see cref="TimeoutException"/> when the first item takes
    /// longer than <paramref name="firstItem"/> or the whole stream longer than <paramref name="overall"/>. The inner
    /// stream is cancelled then; one that ignores cancellation is abandoned, not awaited.
    /// </summary>
    public static async IAsyncEnumerable<T> WithTimeoutAsync<T>(
        Func<CancellationToken, IAsyncEnumerable<T>> run, TimeSpan firstItem, TimeSpan overall, TimeProvider time, string what,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var enumerator = run(stop.Token).GetAsyncEnumerator(stop.Token);
        var started = time.GetTimestamp();
        var first = true;
        Task<bool>? abandoned = null;
        try
        {
            while (true)
            {
                var elapsed = time.GetElapsedTime(started);
                var limit = first ? Min(firstItem, overall - elapsed) : overall - elapsed;
                var move = enumerator.MoveNextAsync().AsTask();
                bool more;
                try
                {
                    more = await move.WaitAsync(limit > TimeSpan.Zero ? limit : TimeSpan.Zero, time, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                    abandoned = move;
                    var bound = first ? $"no result within {Min(firstItem, overall).TotalSeconds:0.###} s" : $"not finished within {overall.TotalSeconds:0.###} s";
                    throw new TimeoutException($"{what}: {bound}.");
                }
                catch (OperationCanceledException)
                {
                    // The caller cancelled (hang-up, barge-in) while the provider was mid-read: same care as a timeout.
                    await stop.CancelAsync().ConfigureAwait(false);
                    abandoned = move;
                    throw;
                }

                if (!more)
                {
                    yield break;
                }

                first = false;
                yield return enumerator.Current;
            }
        }
        finally
        {
            if (abandoned is { IsCompleted: false })
            {
                // Disposing an iterator while MoveNextAsync runs is not allowed: dispose it when it gets there.
                _ = abandoned.ContinueWith(_ => enumerator.DisposeAsync().AsTask(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap()
                    .ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
            else
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Yields <paramref name="primary"/>'s items; if it throws before yielding anything (and the caller did not
    /// cancel), reports the failure to <paramref name="onFallback"/> and yields <paramref name="fallback"/>'s items
    /// instead. A failure after the first item propagates: half a sentence cannot be taken back.
    /// </summary>
    public static async IAsyncEnumerable<T> WithFallbackAsync<T>(
        Func<CancellationToken, IAsyncEnumerable<T>> primary, Func<CancellationToken, IAsyncEnumerable<T>> fallback,
        Action<Exception> onFallback, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Exception? failure = null;
        var enumerator = primary(cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            var yielded = false;
            while (true)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (!yielded && !cancellationToken.IsCancellationRequested)
                {
                    failure = e;
                    break;
                }

                if (!more)
                {
                    break;
                }

                yielded = true;
                yield return enumerator.Current;
            }
        }
        finally
        {
            try
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception) when (failure is not null)
            {
                // The primary already failed; its clean-up failing too changes nothing.
            }
        }

        if (failure is null)
        {
            yield break;
        }

        onFallback(failure);
        await foreach (var item in fallback(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
