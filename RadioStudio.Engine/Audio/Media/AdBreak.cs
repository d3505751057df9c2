namespace RadioStudio.Engine.Audio.Media;

/// <summary>
/// An ad break on the ads bus: optional lead-in silence, then each ad once, back to back (the next ad starts in
/// the same block the previous one ends), then the end: <see cref="Read"/> returns fewer samples and
/// <see cref="Finished"/> turns true. The audio thread only sets the flag and queues a preallocated work item;
/// <see cref="Completion"/> and <see cref="Ended"/> are completed/raised from the thread pool, never on the
/// audio thread.
/// <para>
/// The spec's sequence ("music fades out over 1 s, then the ad plays once on its own channel, and music can
/// resume after") is, for the lead:
/// <c>var ads = AdBreak.FromFiles(paths, leadIn: TimeSpan.FromSeconds(1)); await ads.PrimeAsync();
/// musicFader.FadeOut(TimeSpan.FromSeconds(1)); adsMixer.Add(ads);</c>
/// — both take effect at the next block of the one audio clock, so the first ad starts exactly as the fade
/// ends — and on <see cref="Ended"/>: <c>adsMixer.Remove(adBreak); adBreak.Dispose();</c> and, to resume,
/// <c>musicFader.CrossfadeTo(new TrackSource(next))</c>.
/// </para>
/// </summary>
public sealed class AdBreak : IAudioSource, IDisposable
{
    private readonly IAudioSource[] _ads;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Completer _completer;
    private long _leadInRemaining;
    private volatile int _current;
    private volatile bool _finished;

    /// <summary>A break that plays <paramref name="ads"/> (finite 48 kHz mono sources) in order, once each, after <paramref name="leadIn"/> of silence.</summary>
    /// <exception cref="ArgumentException">An ad is not 48 kHz mono.</exception>
    public AdBreak(IEnumerable<IAudioSource> ads, TimeSpan? leadIn = null)
    {
        ArgumentNullException.ThrowIfNull(ads);
        _ads = ads.ToArray();
        if (Array.Find(_ads, a => a.Format != AudioFormat.Studio) is { } wrong)
        {
            throw new ArgumentException($"Ad format {wrong.Format} is not the studio's {AudioFormat.Studio}.", nameof(ads));
        }

        var lead = leadIn ?? TimeSpan.Zero;
        ArgumentOutOfRangeException.ThrowIfLessThan(lead, TimeSpan.Zero);
        _leadInRemaining = lead.Ticks * AudioClock.SampleRate / TimeSpan.TicksPerSecond;
        _completer = new Completer(this);
        if (_ads.Length == 0 && _leadInRemaining == 0)
        {
            _finished = true;
            _completion.TrySetResult();
        }
    }

    /// <summary>Raised on a thread-pool thread once the last ad has played out.</summary>
    public event EventHandler? Ended;

    /// <summary>48 kHz mono.</summary>
    public AudioFormat Format => AudioFormat.Studio;

    /// <summary>Number of ads in the break.</summary>
    public int Count => _ads.Length;

    /// <summary>Index of the ad playing (0 during the lead-in; <see cref="Count"/> once finished).</summary>
    public int CurrentIndex => _current;

    /// <summary>True once every ad has played out; safe from any thread.</summary>
    public bool Finished => _finished;

    /// <summary>Completes (on the thread pool) when the break has finished.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Plays <paramref name="paths"/> as <see cref="TrackSource"/>s. Each starts decoding now, so all are ready when their turn comes.</summary>
    public static AdBreak FromFiles(IEnumerable<string> paths, TimeSpan? leadIn = null, TrackSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var tracks = paths.Select(p => new TrackSource(p, (options ?? new TrackSourceOptions()) with { Loop = false })).ToArray();
        return new AdBreak(tracks, leadIn);
    }

    /// <summary>Off the audio thread: waits until every <see cref="TrackSource"/> ad has its first 200 ms decoded (or has failed), so no ad starts late.</summary>
    public async Task PrimeAsync(CancellationToken cancellationToken = default)
    {
        foreach (var track in _ads.OfType<TrackSource>())
        {
            await track.PrimeAsync(cancellationToken: cancellationToken);
        }
    }

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        if (_finished)
        {
            return 0;
        }

        var filled = 0;
        if (_leadInRemaining > 0)
        {
            var silence = (int)Math.Min(_leadInRemaining, buffer.Length);
            buffer[..silence].Clear();
            _leadInRemaining -= silence;
            filled = silence;
        }

        var current = _current;
        while (filled < buffer.Length && current < _ads.Length)
        {
            filled += _ads[current].Read(buffer[filled..]);
            if (filled < buffer.Length)
            {
                current++; // a finite source returns short only at its end
            }
        }

        _current = current;
        if (filled < buffer.Length && _leadInRemaining == 0)
        {
            _finished = true;
            ThreadPool.UnsafeQueueUserWorkItem(_completer, preferLocal: false);
        }

        return filled;
    }

    /// <summary>Disposes the ads that are disposable (killing any decoder still running).</summary>
    public void Dispose()
    {
        foreach (var ad in _ads)
        {
            (ad as IDisposable)?.Dispose();
        }
    }

    /// <summary>Finishes the break off the audio thread; preallocated so queuing it allocates nothing.</summary>
    private sealed class Completer(AdBreak owner) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            owner._completion.TrySetResult();
            owner.Ended?.Invoke(owner, EventArgs.Empty);
        }
    }
}
