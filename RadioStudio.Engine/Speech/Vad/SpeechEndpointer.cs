namespace RadioStudio.Engine.Speech.Vad;

/// <summary>
/// Voice-activity detection and end-of-turn endpointing for one audio stream, fed 20 ms frames of mono float
/// audio (16 kHz by default). A frame is loud when its RMS level is <see cref="EndpointerOptions.OnsetThresholdDb"/>
/// above an adaptive noise floor (which falls at once and rises slowly) and above an absolute minimum. A run of
/// loud frames becomes speech once it has lasted <see cref="EndpointerOptions.OnsetConfirmation"/>, its zero-crossing
/// rate is neither hum nor hiss, and its level moves like speech rather than holding steady like a tone or mains hum
/// (a steady run is absorbed into the floor instead). The turn ends after <see cref="EndpointerOptions.TrailingSilence"/>;
/// what was shorter than <see cref="EndpointerOptions.MinimumSpeech"/> is discarded. Synchronous, no locks and no
/// allocation per frame once its buffer has grown (one array per finished segment); not thread-safe: one instance
/// per stream, all on one thread.
/// </summary>
public sealed class SpeechEndpointer
{
    private const double SilenceDb = -120;
    private const double LowestFloorDb = -100;
    private const double FloorFallFactor = 0.5;

    private readonly EndpointerOptions _options;
    private readonly int _confirmSamples;
    private readonly int _preRollSamples;
    private readonly int _trailingSamples;
    private readonly int _minimumSpeechSamples;
    private readonly int _maximumSegmentSamples;
    private readonly int _absorbSamples;
    private float[] _buffer;
    private long _bufferStart;
    private int _count;
    private long _position;
    private bool _floorKnown;
    private long _runStart = -1;
    private int _runFrames;
    private double _runMin;
    private double _runMax;
    private long _onset;
    private long _lastSpeechEnd;
    private EndpointedSegment? _pending;

    /// <summary>Creates an endpointer; null options take the defaults.</summary>
    public SpeechEndpointer(EndpointerOptions? options = null)
    {
        _options = options ?? new EndpointerOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.SampleRate);
        _confirmSamples = Samples(_options.OnsetConfirmation);
        _preRollSamples = Samples(_options.PreRoll);
        _trailingSamples = Math.Max(1, Samples(_options.TrailingSilence));
        _minimumSpeechSamples = Samples(_options.MinimumSpeech);
        _maximumSegmentSamples = Math.Max(Samples(_options.MaximumSegment), _preRollSamples + _minimumSpeechSamples + 1);
        _absorbSamples = Math.Max(Samples(_options.SteadySoundAbsorption), _confirmSamples);
        _buffer = new float[_preRollSamples + (2 * _options.SampleRate)];
    }

    /// <summary>The options in use.</summary>
    public EndpointerOptions Options => _options;

    /// <summary>True between <see cref="EndpointerEvent.SpeechStarted"/> and the end of that speech.</summary>
    public bool IsSpeaking { get; private set; }

    /// <summary>The current noise floor estimate (dBFS RMS).</summary>
    public double NoiseFloorDb { get; private set; } = SilenceDb;

    /// <summary>Samples fed so far; onsets and offsets count from here.</summary>
    public long SamplesProcessed => _position;

    /// <summary>Feeds one frame (20 ms is the intended size; any length works) and says what changed.</summary>
    public EndpointerEvent Process(ReadOnlySpan<float> frame)
    {
        if (frame.IsEmpty)
        {
            return EndpointerEvent.None;
        }

        Append(frame);
        var (level, zeroCrossingRate) = Measure(frame);
        var frameStart = _position;
        _position += frame.Length;
        if (!_floorKnown)
        {
            NoiseFloorDb = Math.Max(level, LowestFloorDb);
            _floorKnown = true;
        }

        var seconds = (double)frame.Length / _options.SampleRate;
        return IsSpeaking
            ? ProcessSpeech(level)
            : ProcessQuiet(level, zeroCrossingRate, frameStart, seconds);
    }

    /// <summary>
    /// The segment finished by the last <see cref="EndpointerEvent.SpeechEnded"/>, once; null if there is none
    /// (not ended yet, discarded, or already taken).
    /// </summary>
    public EndpointedSegment? TakeSegment()
    {
        var segment = _pending;
        _pending = null;
        return segment;
    }

    private EndpointerEvent ProcessQuiet(double level, double zeroCrossingRate, long frameStart, double seconds)
    {
        var loud = level >= Math.Max(NoiseFloorDb + _options.OnsetThresholdDb, _options.MinimumSpeechLevelDb);
        if (!loud)
        {
            _runStart = -1;
            FollowFloor(level, seconds);
            Trim(_preRollSamples);
            return EndpointerEvent.None;
        }

        if (_runStart < 0)
        {
            // The first frame may hold the sound only in part, so it does not count towards the level variation.
            (_runStart, _runFrames, _runMin, _runMax) = (frameStart, 1, double.MaxValue, double.MinValue);
        }
        else
        {
            _runFrames++;
            _runMin = Math.Min(_runMin, level);
            _runMax = Math.Max(_runMax, level);
        }

        var runLength = _position - _runStart;
        var varies = _runFrames > 1 && _runMax - _runMin >= _options.MinimumLevelVariationDb;
        // Hum and hiss still count as loud for the floor (so they get absorbed) but never confirm speech.
        var speechLike = zeroCrossingRate >= _options.MinimumZeroCrossingRate && zeroCrossingRate <= _options.MaximumZeroCrossingRate;
        if (runLength >= _confirmSamples && varies && speechLike)
        {
            IsSpeaking = true;
            _onset = _runStart;
            _lastSpeechEnd = _position;
            return EndpointerEvent.SpeechStarted;
        }

        if (runLength >= _absorbSamples && !varies)
        {
            // A steady sound (hum, a held tone): it is background now, and speech must rise above it.
            NoiseFloorDb = Math.Max(NoiseFloorDb, _runMin - 1);
            _runStart = -1;
        }
        else
        {
            FollowFloor(level, seconds);
        }

        Trim(_preRollSamples + (int)Math.Min(runLength, _maximumSegmentSamples));
        return EndpointerEvent.None;
    }

    private EndpointerEvent ProcessSpeech(double level)
    {
        if (level < NoiseFloorDb)
        {
            NoiseFloorDb = Math.Max(NoiseFloorDb + ((level - NoiseFloorDb) * FloorFallFactor), LowestFloorDb);
        }

        var voiced = level >= Math.Max(NoiseFloorDb + _options.ContinueThresholdDb, _options.MinimumSpeechLevelDb);
        if (voiced)
        {
            _lastSpeechEnd = _position;
        }

        if (_position - _lastSpeechEnd >= _trailingSamples)
        {
            return End(_lastSpeechEnd);
        }

        return _position - SegmentStart >= _maximumSegmentSamples ? End(_lastSpeechEnd) : EndpointerEvent.None;
    }

    private long SegmentStart => Math.Max(_onset - _preRollSamples, _bufferStart);

    private EndpointerEvent End(long offset)
    {
        IsSpeaking = false;
        _runStart = -1;
        if (offset - _onset < _minimumSpeechSamples)
        {
            Trim(_preRollSamples);
            return EndpointerEvent.SpeechDiscarded;
        }

        var start = SegmentStart;
        var samples = _buffer.AsSpan((int)(start - _bufferStart), (int)(offset - start)).ToArray();
        _pending = new EndpointedSegment(new SpeechSegment(samples, _options.SampleRate), start, _onset, offset);
        Trim(_preRollSamples);
        return EndpointerEvent.SpeechEnded;
    }

    private void FollowFloor(double level, double seconds)
    {
        NoiseFloorDb = level < NoiseFloorDb
            ? Math.Max(NoiseFloorDb + ((level - NoiseFloorDb) * FloorFallFactor), LowestFloorDb)
            : Math.Min(level, NoiseFloorDb + (_options.FloorRiseDbPerSecond * seconds));
    }

    private void Append(ReadOnlySpan<float> frame)
    {
        if (_count + frame.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + frame.Length));
        }

        frame.CopyTo(_buffer.AsSpan(_count));
        _count += frame.Length;
    }

    // Keeps the newest samples; shifts only once a second's slack has built up, so most frames copy nothing.
    private void Trim(int keep)
    {
        if (_count <= keep + _options.SampleRate)
        {
            return;
        }

        var drop = _count - keep;
        Array.Copy(_buffer, drop, _buffer, 0, keep);
        _bufferStart += drop;
        _count = keep;
    }

    private static (double LevelDb, double ZeroCrossingRate) Measure(ReadOnlySpan<float> frame)
    {
        double sum = 0;
        var crossings = 0;
        var previousPositive = frame[0] >= 0;
        foreach (var sample in frame)
        {
            sum += sample * sample;
            var positive = sample >= 0;
            crossings += positive != previousPositive ? 1 : 0;
            previousPositive = positive;
        }

        var meanSquare = sum / frame.Length;
        var level = meanSquare > 1e-12 ? 10 * Math.Log10(meanSquare) : SilenceDb;
        return (level, (double)crossings / frame.Length);
    }

    private int Samples(TimeSpan duration) => (int)Math.Round(duration.TotalSeconds * _options.SampleRate);
}
