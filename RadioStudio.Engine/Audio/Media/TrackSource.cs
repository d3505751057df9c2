using RadioStudio.Engine.Audio.Nodes;

namespace RadioStudio.Engine.Audio.Media;

/// <summary>
/// A music track playing: 48 kHz mono from any file ffmpeg reads, streamed through an
/// <see cref="FfmpegDecoder"/> ring, or, for a WAV no larger than
/// <see cref="TrackSourceOptions.InMemoryWavLimitBytes"/>, read by <see cref="Codecs.WavReader"/> and resampled in
/// memory on a background task (no ffmpeg needed). <see cref="Read"/> only copies from what is decoded: when the
/// decoder has not kept up it pads the block with silence and counts an underrun; it returns fewer samples only
/// when the file has ended and everything decoded has been played.
/// <para>
/// <b>Loop</b>: when a pass has been decoded to its end (about one ring, 2 s, before it is heard ending) and
/// <see cref="Loop"/> is on, a background task starts the next pass's decoder, which fills its own ring; the
/// audio thread switches to it inside the block where the current pass runs out. The seam is therefore
/// sample-exact for in-memory WAVs and gapless for streamed files as long as ffmpeg starts within those
/// 2 s; what ffmpeg itself puts at the ends of the file (an MP3 without a LAME/Xing header keeps its encoder
/// delay and padding, a few ms) is heard at each seam.
/// </para>
/// <para>Gain changes ramp across one block (through <see cref="GainSource"/>), so volume moves never click.</para>
/// </summary>
public sealed class TrackSource : IAudioSource, IDisposable
{
    private static readonly TimeSpan HandOffPoll = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan PrimePoll = TimeSpan.FromMilliseconds(5);

    private readonly Func<ITrackDecoder> _createDecoder;
    private readonly GainSource _output;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _loopChanged = new(0);
    private ITrackDecoder _current;
    private ITrackDecoder? _next;
    private volatile bool _loop;
    private volatile bool _failed;
    private volatile bool _ended;
    private volatile string? _error;
    private bool _started;
    private long _underruns;
    private long _underrunSamples;
    private long _playedSamples;
    private int _loops;
    private int _disposed;

    /// <summary>Starts decoding <paramref name="path"/> in the background; the track plays from its first <see cref="Read"/>.</summary>
    public TrackSource(string path, TrackSourceOptions? options = null)
        : this(path, DecoderFactory(path, options ?? new TrackSourceOptions()), options ?? new TrackSourceOptions())
    {
    }

    /// <summary>Plays what <paramref name="createDecoder"/> makes, one decoder per pass (tests inject slow or scripted decoders here).</summary>
    internal TrackSource(string path, Func<ITrackDecoder> createDecoder, TrackSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(createDecoder);
        ArgumentNullException.ThrowIfNull(options);
        Path = path;
        _createDecoder = createDecoder;
        _loop = options.Loop;
        _output = new GainSource(new RawReader(this), options.Gain);
        _current = createDecoder();
        Supervision = Task.Run(() => SuperviseAsync(_current, _stop.Token));
    }

    /// <summary>The file playing.</summary>
    public string Path { get; }

    /// <summary>48 kHz mono.</summary>
    public AudioFormat Format => AudioFormat.Studio;

    /// <summary>Whether the track starts again when it ends; settable from any thread (too late once <see cref="IsEnded"/>).</summary>
    public bool Loop
    {
        get => _loop;
        set
        {
            _loop = value;
            _loopChanged.Release();
        }
    }

    /// <summary>Linear volume (1 = unity); a change ramps across the next block.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, NaN or infinite.</exception>
    public float Gain { get => _output.Gain; set => _output.Gain = value; }

    /// <summary>Blocks that were padded with silence because decoding had not kept up (not counting the start).</summary>
    public long Underruns => Interlocked.Read(ref _underruns);

    /// <summary>Silent samples inserted by those underruns.</summary>
    public long UnderrunSamples => Interlocked.Read(ref _underrunSamples);

    /// <summary>Decoded samples played so far (all passes).</summary>
    public long PlayedSamples => Interlocked.Read(ref _playedSamples);

    /// <summary>How many times playback has wrapped to the start.</summary>
    public int LoopsCompleted => Volatile.Read(ref _loops);

    /// <summary>True once the last pass has been played out (<see cref="Read"/> returns fewer samples, then 0).</summary>
    public bool IsEnded => _ended;

    /// <summary>Why decoding failed; null while all is well. The track then ends after what was decoded.</summary>
    public string? Error => _error;

    /// <summary>Samples decoded and waiting in the current pass.</summary>
    public int BufferedSamples => Volatile.Read(ref _current).Available;

    /// <summary>The background work that prepares loop passes; completes after a decode failure or <see cref="Dispose"/>.</summary>
    internal Task Supervision { get; }

    /// <summary>True when the current pass has been decoded to its end (or failed).</summary>
    internal bool CurrentPassDecoded => Volatile.Read(ref _current).Finished;

    /// <summary>True when the next pass of a looping track is decoded ahead and waiting.</summary>
    internal bool IsNextPrepared => Volatile.Read(ref _next) is not null;

    /// <summary>Samples decoded in the prepared next pass (0 when none is prepared).</summary>
    internal int NextBufferedSamples => Volatile.Read(ref _next)?.Available ?? 0;

    /// <inheritdoc />
    public int Read(Span<float> buffer) => _output.Read(buffer);

    /// <summary>
    /// Waits until at least <paramref name="minSamples"/> are decoded (default 200 ms) or the file has no more,
    /// so playback can start without a gap while ffmpeg starts. Off the audio thread only.
    /// </summary>
    /// <returns>False when decoding failed before anything could be played.</returns>
    public async Task<bool> PrimeAsync(int minSamples = AudioClock.SampleRate / 5, CancellationToken cancellationToken = default)
    {
        var decoder = Volatile.Read(ref _current);
        while (decoder.Available < minSamples && !decoder.Finished)
        {
            await Task.Delay(PrimePoll, cancellationToken);
        }

        if (decoder.Finished)
        {
            try
            {
                await decoder.Completion;
            }
            catch (MediaDecodeException)
            {
                return decoder.Available > 0;
            }
        }

        return true;
    }

    /// <summary>Stops decoding and kills any ffmpeg process; safe to call twice.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stop.Cancel();
        _loopChanged.Release();
    }

    private static Func<ITrackDecoder> DecoderFactory(string path, TrackSourceOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length <= options.InMemoryWavLimitBytes && info.Extension.Equals(".wav", StringComparison.OrdinalIgnoreCase))
        {
            // One load serves every pass of a loop.
            var load = Task.Run(() => AudioFile.ReadMono(path, AudioClock.SampleRate));
            return () => new MemoryDecoder(load);
        }

        return () => new FfmpegDecoder(path, options.FfmpegPath, options.RingSamples);
    }

    // Audio thread: fills from the current pass, hops to the prepared next pass at its end.
    private int ReadRaw(Span<float> buffer)
    {
        if (_ended)
        {
            return 0;
        }

        var filled = 0;
        while (true)
        {
            var decoder = _current;

            // Finished is read before the ring: if it was already true, the ring held everything that will come.
            var finished = decoder.Finished;
            var read = decoder.Read(buffer[filled..]);
            filled += read;
            if (read > 0)
            {
                _started = true;
                Interlocked.Add(ref _playedSamples, read);
            }

            if (filled == buffer.Length)
            {
                return filled;
            }

            if (finished && !_failed && _loop && Volatile.Read(ref _next) is { } next)
            {
                Volatile.Write(ref _current, next);
                Volatile.Write(ref _next, null);
                Interlocked.Increment(ref _loops);
                continue;
            }

            if (finished && (!_loop || _failed))
            {
                _ended = true;
                return filled;
            }

            // Decoding has not kept up (or the next pass is not ready yet): pad with silence.
            buffer[filled..].Clear();
            if (_started)
            {
                Interlocked.Increment(ref _underruns);
                Interlocked.Add(ref _underrunSamples, buffer.Length - filled);
            }

            return buffer.Length;
        }
    }

    private async Task SuperviseAsync(ITrackDecoder decoder, CancellationToken cancellationToken)
    {
        ITrackDecoder? next = null;
        try
        {
            while (true)
            {
                try
                {
                    await decoder.Completion.WaitAsync(cancellationToken);
                }
                catch (MediaDecodeException e)
                {
                    _error = e.Message;
                    _failed = true;
                    return;
                }

                while (!_loop)
                {
                    await _loopChanged.WaitAsync(cancellationToken);
                }

                next = _createDecoder();
                Volatile.Write(ref _next, next);
                while (Volatile.Read(ref _next) is not null)
                {
                    if (_ended)
                    {
                        return;
                    }

                    await Task.Delay(HandOffPoll, cancellationToken);
                }

                decoder.Dispose();
                (decoder, next) = (next, null);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
        finally
        {
            decoder.Dispose();
            next?.Dispose();
        }
    }

    /// <summary>The undecorated track, for the <see cref="GainSource"/> that applies the volume.</summary>
    private sealed class RawReader(TrackSource track) : IAudioSource
    {
        public AudioFormat Format => AudioFormat.Studio;

        public int Read(Span<float> buffer) => track.ReadRaw(buffer);
    }
}
