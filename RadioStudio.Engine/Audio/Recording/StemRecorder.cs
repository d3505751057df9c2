using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Threading;

namespace RadioStudio.Engine.Audio.Recording;

/// <summary>
/// Records every bus of the mix to its own WAV (48 kHz mono, 32-bit float, RF64 past 4 GiB) in a take folder,
/// time-aligned: every file of a take holds the same number of samples from the same first block.
/// <para>
/// <see cref="Write"/> runs on the audio clock thread: it copies the block into a preallocated ring slot
/// and signals a dedicated writer thread, never allocating, blocking or touching the disk. When the ring is
/// full (the disk is too slow for <c>queueBlocks</c> × 20 ms) the block is dropped and counted, and the writer
/// later writes silence for it in every file (it sees the gap in block indices), so the stems stay aligned
/// with wall time. A disk error ends the take with <see cref="StemRecorderState.Failed"/>; it never reaches
/// <see cref="Write"/> or the process. Headers and <c>stems.json</c> are rewritten about once a second, so an
/// unclean exit leaves playable files.
/// </para>
/// <para>
/// <see cref="SampleFormat"/> is Float32 by default: the mix is float, so float stems are bit-exact copies (no
/// clipping of overs above 0 dBFS that a later gain change could still rescue), at 4 instead of 3 bytes per sample.
/// The studio records 24-bit PCM unless <c>Audio:StemFormat</c> asks for float (decision 0012).
/// </para>
/// <para>
/// Phone slots get a file only once they are first active (a 6-slot desk usually uses two); the file is then
/// padded with silence from the take's start, so it still ends aligned. Every other bus gets a file from the
/// take's first block. An inactive bus is written as silence.
/// </para>
/// </summary>
public sealed partial class StemRecorder : IMixOutput, IAsyncDisposable
{
    /// <summary>How often headers and the manifest are rewritten while recording.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private const int ProducerIdle = 0;
    private const int ProducerRecording = 1;
    private const int ProducerInWrite = 2;
    private const int ProducerPending = 3;
    private const int ProducerArming = 4;
    private const string ManifestName = "stems.json";

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly ILogger<StemRecorder> _logger;
    private readonly TimeProvider _time;
    private readonly int _queueBlocks;
    private readonly long _maxRiffSize;
    private readonly object _control = new();
    // Posted by the audio thread every block while recording: a POSIX semaphore, no monitor shared with the writer.
    private readonly PosixSemaphore _signal = new();
    private readonly ManualResetEventSlim _writerGate = new(true);

    // Audio thread ⇄ control/writer: the producer state machine and the take's counters the audio thread owns.
    private int _producer;
    private ImmutableArray<BusId> _seenLayout;
    private long _takeFirst;
    private long _takeLastSeen;
    private long _takeDropped;

    private StemRing? _ring;
    private Session? _session;
    private volatile StemRecorderStatus _status = StemRecorderStatus.Idle;
    private bool _disposed;

    /// <summary>Creates an idle recorder whose queue holds <paramref name="queueBlocks"/> blocks (250 = 5 s).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="queueBlocks"/> is below 1.</exception>
    public StemRecorder(ILogger<StemRecorder> logger, TimeProvider time, int queueBlocks = 250)
        : this(logger, time, queueBlocks, WavHeader.MaxRiffSize)
    {
    }

    /// <summary>As the public constructor, with the RIFF size past which files become RF64 (tests use a few KB).</summary>
    internal StemRecorder(ILogger<StemRecorder> logger, TimeProvider time, int queueBlocks, long maxRiffSize)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queueBlocks);
        _logger = logger;
        _time = time;
        _queueBlocks = queueBlocks;
        _maxRiffSize = maxRiffSize;
    }

    /// <summary>The sample encoding of the next take's files (a take keeps the one it started with).</summary>
    public WavSampleFormat SampleFormat { get; init; } = WavSampleFormat.Float32;

    /// <summary>Raised (on the caller's or the writer thread) whenever <see cref="Status"/> changes.</summary>
    public event Action<StemRecorderStatus>? StatusChanged;

    /// <inheritdoc />
    public string Name => "stems";

    /// <summary>The current state, take folder, progress and failure message.</summary>
    public StemRecorderStatus Status => _status;

    /// <summary>Test hook: true once the audio thread's blocks go into the ring (false while idle or arming).</summary>
    internal bool Armed => Volatile.Read(ref _producer) is ProducerRecording or ProducerInWrite;

    /// <summary>Test hook: blocks queued and not yet taken by the writer.</summary>
    internal long QueuedBlocks => _ring?.Count ?? 0;

    /// <summary>
    /// Tells the recorder the bus layout before the first block arrives, so a take started right away is
    /// ready at once (its ring is sized inside <see cref="Start"/>, not by the writer on the first block).
    /// </summary>
    public void Prepare(ImmutableArray<BusId> layout)
    {
        lock (_control)
        {
            if (_seenLayout.IsDefault)
            {
                _seenLayout = layout;
            }
        }
    }

    /// <summary>
    /// Begins a take in a new folder <c>&lt;folder&gt;/&lt;yyyyMMdd-HHmmss&gt;-&lt;label&gt;/</c> (UTC; "-2"… appended if
    /// it exists), recording from the next block on. Returns false, changing nothing, while a take is
    /// recording or finishing: stop it first (a second Start is most likely a double click, and ending the
    /// first take implicitly would hide that). Returns false with a <see cref="StemRecorderState.Failed"/>
    /// status when the folder cannot be created.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The recorder is disposed.</exception>
    public bool Start(string folder, string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        lock (_control)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_session is { Completion.Task.IsCompleted: false })
            {
                return false;
            }

            var startedUtc = _time.GetUtcNow();
            string takeFolder;
            try
            {
                takeFolder = CreateTakeFolder(folder, startedUtc, label);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                StemRecorderLog.StartFailed(_logger, ex, folder);
                _session = null;
                SetStatus(new StemRecorderStatus(StemRecorderState.Failed, null, 0, 0, $"Could not create a take folder in {folder}: {ex.Message}"));
                return false;
            }

            // The audio thread is idle (state 0) and only stores the layout it sees; prepare before publishing.
            var layout = _seenLayout;
            if (!layout.IsDefault && (_ring is null || !_ring.Fits(layout)))
            {
                _ring = new StemRing(_queueBlocks, layout);
            }

            _ring?.Reset();
            _takeFirst = -1;
            _takeLastSeen = -1;
            _takeDropped = 0;
            var session = new Session(takeFolder, startedUtc);
            _session = session;
            SetStatus(new StemRecorderStatus(StemRecorderState.Recording, takeFolder, 0, 0, null));
            session.Timer = _time.CreateTimer(static state => ((StemRecorder)state!).RequestFlush(), this, FlushInterval, FlushInterval);
            session.Thread = new Thread(() => RunWriter(session)) { IsBackground = true, Name = "RadioStudio StemWriter" };
            session.Thread.Start();
            Volatile.Write(ref _producer, layout.IsDefault || _ring is null ? ProducerPending : ProducerRecording);
            StemRecorderLog.TakeStarted(_logger, takeFolder);
            return true;
        }
    }

    /// <summary>
    /// Ends the take: no further block is taken, everything queued is written, silence pads each file to the
    /// last block seen, headers are finalised, files closed and <c>stems.json</c> written. Returns the take
    /// (also after a failure, with its error), or null when there was none. The status becomes Idle.
    /// </summary>
    public async Task<StemTake?> StopAsync()
    {
        Session? session;
        lock (_control)
        {
            session = _session;
            if (session is null)
            {
                return null;
            }

            CloseProducer();
            session.StopRequested = true;
            _signal.Post();
        }

        var take = await session.Completion.Task.ConfigureAwait(false);
        lock (_control)
        {
            if (ReferenceEquals(_session, session))
            {
                _session = null;
                SetStatus(StemRecorderStatus.Idle);
            }
        }

        return take;
    }

    /// <summary>
    /// Takes one block (audio clock thread). Idle: remembers the bus layout and returns. Recording: copies
    /// every bus into a free ring slot and signals the writer, or counts the block as dropped when the ring
    /// is full or the layout changed since the take started. Never allocates, blocks or throws.
    /// </summary>
    public void Write(MixBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var state = Volatile.Read(ref _producer);
        if (state == ProducerIdle)
        {
            _seenLayout = block.Buses;
            return;
        }

        if (state == ProducerPending)
        {
            // No layout was known at Start: hand this one to the writer, which sizes the ring and arms the take.
            _seenLayout = block.Buses;
            if (Interlocked.CompareExchange(ref _producer, ProducerArming, ProducerPending) == ProducerPending)
            {
                _signal.Post();
            }

            return;
        }

        if (state != ProducerRecording || Interlocked.CompareExchange(ref _producer, ProducerInWrite, ProducerRecording) != ProducerRecording)
        {
            return;
        }

        try
        {
            var ring = _ring!;
            var index = block.Index;
            if (_takeLastSeen >= 0 && index <= _takeLastSeen)
            {
                return; // The clock never repeats an index; ignore one rather than misalign the files.
            }

            if (_takeFirst < 0)
            {
                Volatile.Write(ref _takeFirst, index);
            }

            if (ring.Fits(block.Buses) && ring.TryWrite(block))
            {
                _signal.Post();
            }
            else
            {
                Interlocked.Increment(ref _takeDropped);
            }

            Volatile.Write(ref _takeLastSeen, index);
        }
        finally
        {
            Volatile.Write(ref _producer, ProducerRecording);
        }
    }

    /// <summary>Stops any take (as <see cref="StopAsync"/>) and releases the recorder.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_control)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        await StopAsync().ConfigureAwait(false);
        _signal.Dispose();
        _writerGate.Dispose();
    }

    /// <summary>Test hook: the writer stops taking blocks from the queue until <see cref="ResumeWriter"/>.</summary>
    internal void PauseWriter() => _writerGate.Reset();

    /// <summary>Test hook: undoes <see cref="PauseWriter"/>.</summary>
    internal void ResumeWriter() => _writerGate.Set();

    /// <summary>Test hook: as the flush timer, without waiting for it.</summary>
    internal void RequestFlush()
    {
        if (_session is { } session)
        {
            session.FlushRequested = true;
            try
            {
                _signal.Post();
            }
            catch (ObjectDisposedException)
            {
                // A last timer tick racing DisposeAsync: nothing is left to flush.
            }
        }
    }
}
