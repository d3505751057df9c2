namespace RadioStudio.Engine.Audio.Nodes;

/// <summary>
/// Plays one source and switches to another with an equal-power crossfade: over N frames the outgoing source
/// has gain cos(π/2·k/N) and the incoming sin(π/2·k/N) at frame k, so gA² + gB² = 1 throughout (the summed
/// power of two unrelated tracks stays level, where a linear fade dips 3 dB in the middle). From frame N on
/// only the new source is read. Requests may come from any thread; the latest one starts at the next
/// <see cref="Read"/>. A request during a fade cuts the outgoing source and fades from the incoming one.
/// A live source: always fills the buffer; a finite source that ends is followed by silence.
/// </summary>
public sealed class Crossfader : IAudioSource
{
    /// <summary>Crossfade length when none is given (Liquidsoap's default, and the spec's).</summary>
    public static readonly TimeSpan DefaultCrossfade = TimeSpan.FromSeconds(3);

    /// <summary>Fade-out length when none is given.</summary>
    public static readonly TimeSpan DefaultFadeOut = TimeSpan.FromSeconds(2);

    private readonly float[] _scratch;
    private CrossfadeRequest? _pending;
    private IAudioSource? _current;
    private IAudioSource? _next;
    private long _fadeFrames;
    private long _fadePosition;
    private volatile bool _fading;

    /// <summary>Creates a crossfader of <paramref name="format"/>, playing <paramref name="initial"/> (or silence).</summary>
    /// <param name="format">Format of the output and of every source.</param>
    /// <param name="initial">What plays at first; null for silence.</param>
    /// <param name="maxBlockSamples">Scratch size for the incoming source; longer reads run in chunks.</param>
    public Crossfader(AudioFormat format, IAudioSource? initial = null, int maxBlockSamples = MixerSource.DefaultMaxBlockSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlockSamples, format.Channels);
        Format = format;
        CheckFormat(initial);
        _current = initial;
        _scratch = RealtimeMemory.Array<float>(maxBlockSamples - (maxBlockSamples % format.Channels));
    }

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <summary>Whether a fade is in progress or requested.</summary>
    public bool IsFading => _fading || Volatile.Read(ref _pending) is not null;

    /// <summary>Fades from what plays now to <paramref name="next"/> over <paramref name="duration"/> (default 3 s).</summary>
    /// <exception cref="ArgumentException"><paramref name="next"/> has another format.</exception>
    public void CrossfadeTo(IAudioSource next, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(next);
        CheckFormat(next);
        Request(next, duration ?? DefaultCrossfade);
    }

    /// <summary>Fades what plays now to silence over <paramref name="duration"/> (default 2 s), on the same cosine curve.</summary>
    public void FadeOut(TimeSpan? duration = null) => Request(null, duration ?? DefaultFadeOut);

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        if (Interlocked.Exchange(ref _pending, null) is { } request)
        {
            Begin(request);
        }

        for (var offset = 0; offset < buffer.Length; offset += _scratch.Length)
        {
            var chunk = buffer.Slice(offset, Math.Min(_scratch.Length, buffer.Length - offset));
            if (_fading)
            {
                Mix(chunk);
            }
            else
            {
                ReadOrSilence(_current, chunk);
            }
        }

        return buffer.Length;
    }

    private static void ReadOrSilence(IAudioSource? source, Span<float> buffer) => buffer[(source?.Read(buffer) ?? 0)..].Clear();

    private void Mix(Span<float> chunk)
    {
        var channels = Format.Channels;
        var remaining = (int)Math.Min(_fadeFrames - _fadePosition, chunk.Length / channels);
        var incoming = _scratch.AsSpan(0, chunk.Length);

        // The outgoing source is read only for the frames still inside the fade.
        ReadOrSilence(_current, chunk[..(remaining * channels)]);
        chunk[(remaining * channels)..].Clear();
        ReadOrSilence(_next, incoming);
        for (var i = 0; i < chunk.Length; i++)
        {
            var frame = _fadePosition + (i / channels);
            if (frame >= _fadeFrames)
            {
                chunk[i] = incoming[i];
                continue;
            }

            var angle = Math.PI / 2 * frame / _fadeFrames;
            chunk[i] = (float)((chunk[i] * Math.Cos(angle)) + (incoming[i] * Math.Sin(angle)));
        }

        _fadePosition += remaining;
        if (_fadePosition >= _fadeFrames)
        {
            Finish();
        }
    }

    private void Begin(CrossfadeRequest request)
    {
        if (_fading)
        {
            Finish();
        }

        (_next, _fadeFrames, _fadePosition, _fading) = (request.Next, request.Frames, 0, true);
        if (_fadeFrames == 0)
        {
            Finish();
        }
    }

    private void Finish()
    {
        _current = _next;
        _next = null;
        _fading = false;
    }

    private void Request(IAudioSource? next, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var frames = duration.Ticks * Format.SampleRate / TimeSpan.TicksPerSecond;
        Volatile.Write(ref _pending, new CrossfadeRequest(next, frames));
    }

    private void CheckFormat(IAudioSource? source)
    {
        if (source is not null && source.Format != Format)
        {
            throw new ArgumentException($"Source format {source.Format} differs from the crossfader's {Format}.", nameof(source));
        }
    }
}
