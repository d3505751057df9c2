using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Threading;

namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>
/// One Twilio Media Streams socket: one receive loop and one send loop joined by a lock-free frame ring. Outbound media
/// is capped at 100 ms queued (five frames; extra frames are dropped and counted) so a <c>clear</c> takes
/// effect fast; marks and clears are never dropped. Bad input is counted and skipped; only an oversized
/// message or a <c>start</c> without a valid token closes the socket. Nothing here throws to the caller.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "_closing has no timer or linked registrations; it is never disposed so Close() stays safe to call at any time.")]
public sealed partial class MediaStreamSession
{
    /// <summary>The largest 20 ms frame any supported codec uses (L16 at 24 kHz).</summary>
    public const int MaxFrameBytes = 960;

    private const int MaxQueuedFrames = 5;
    private const int FrameSlots = 8;

    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WebSocket _socket;
    private readonly IMediaStreamHost _host;
    private readonly int _maxMessageBytes;
    private readonly ILogger _logger;
    private readonly MediaSendPump? _pump;
    // The audio clock thread (real-time priority) hands frames to the send loop through a single-producer ring of
    // preallocated slots and a reusable wake-up: no lock a preempted send loop could hold, and no allocation per
    // frame (a garbage collection stops the clock thread too). Marks and clears, rare and from other threads, go
    // through a queue, each tagged with the media count at the time so it goes out in order with the media.
    private readonly AsyncSignal _wake = new();
    private readonly ConcurrentQueue<Control> _control = new();
    private volatile bool _outboundDone;
    private readonly byte[][] _frames = [.. Enumerable.Range(0, FrameSlots).Select(_ => Audio.RealtimeMemory.Array<byte>(MaxFrameBytes))];
    private readonly int[] _frameGeneration = Audio.RealtimeMemory.Array<int>(FrameSlots);
    private long _mediaTail; // frames queued so far (written by the audio thread only)
    private long _mediaHead; // frames taken by the send loop so far (written by the send loop only)
    private readonly ConcurrentDictionary<string, long> _marksInFlight = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private IMediaStreamSink? _sink;
    private int _frameBytes = 160;
    private long _lastChunk;
    private int _generation;
    private volatile bool _studioClosing;

    /// <summary>
    /// Wraps an accepted WebSocket; call <see cref="RunAsync"/> to serve it. With a <paramref name="pump"/>, the audio
    /// clock's frames wake the send loop through it (once per block, off the clock thread); without, directly.
    /// </summary>
    public MediaStreamSession(WebSocket socket, IMediaStreamHost host, int maxMessageBytes, ILogger logger, MediaSendPump? pump = null)
    {
        _socket = socket;
        _host = host;
        _maxMessageBytes = maxMessageBytes;
        _logger = logger;
        _pump = pump;
    }

    private enum OutboundKind
    {
        Media,
        Mark,
        Clear,
    }

    /// <summary>Counters for this stream.</summary>
    public MediaStreamStats Stats { get; } = new();

    /// <summary>Payload bytes of one 20 ms frame on this stream (set by the sink when <c>start</c> is accepted).</summary>
    public int FrameBytes => _frameBytes;

    /// <summary>Completes when a valid <c>start</c> was accepted (the endpoint closes sockets that never get there).</summary>
    public Task Started => _started.Task;

    /// <summary>The stream's sid, once <c>start</c> was accepted.</summary>
    public string? StreamSid { get; private set; }

    /// <summary>The call's sid, once <c>start</c> was accepted.</summary>
    public string? CallSid { get; private set; }

    /// <summary>
    /// Queues one frame (<see cref="FrameBytes"/> long) for the caller. Called from the audio clock thread only; never blocks or
    /// allocates. False when the stream has not started, is closing, or already has 100 ms queued (five
    /// frames waiting; a sixth may be in the socket's hands).
    /// </summary>
    public bool TrySendMedia(ReadOnlySpan<byte> frame)
    {
        if (StreamSid is null || _studioClosing || frame.Length != _frameBytes)
        {
            return false;
        }

        var tail = _mediaTail;
        if (tail - Volatile.Read(ref _mediaHead) >= MaxQueuedFrames)
        {
            Stats.Dropped();
            return false;
        }

        // At most five frames are queued and one is being sent, so the slot written here is never one in use.
        var slot = (int)(tail % FrameSlots);
        frame.CopyTo(_frames[slot]);
        _frameGeneration[slot] = Volatile.Read(ref _generation);
        Volatile.Write(ref _mediaTail, tail + 1);
        if (_pump is null || !_pump.TryRequest(this))
        {
            _wake.Set();
        }

        return true;
    }

    /// <summary>Wakes the send loop (the pump's thread, for frames the clock queued).</summary>
    internal void WakeSender() => _wake.Set();

    /// <summary>Sends a mark after the media queued so far; its round trip is measured when Twilio echoes it.</summary>
    public void SendMark(string name) => EnqueueControl(new Control(OutboundKind.Mark, name, Volatile.Read(ref _mediaTail)));

    /// <summary>Barge-in: drops the media still queued here and tells Twilio to drop what it has buffered.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        EnqueueControl(new Control(OutboundKind.Clear, null, Volatile.Read(ref _mediaTail)));
    }

    /// <summary>The studio ends the stream (drop, hang-up, show over). Returns at once; the loops wind down.</summary>
    public void Close()
    {
        _studioClosing = true;
        _closing.Cancel();
    }

    /// <summary>Serves the socket until the caller or the studio ends the stream.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        var sender = Task.Run(() => SendLoopAsync(linked.Token), CancellationToken.None);
        StreamEndReason reason;
        try
        {
            reason = await ReceiveLoopAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            reason = StreamEndReason.StudioClosed;
        }
        catch (WebSocketException)
        {
            reason = StreamEndReason.SocketClosed;
        }
        catch (Exception error)
        {
            Log.SessionFaulted(_logger, CallSid ?? "(no call)", error);
            reason = StreamEndReason.Faulted;
        }

        _outboundDone = true;
        _wake.Set();
        await linked.CancelAsync().ConfigureAwait(false);
        await sender.ConfigureAwait(false);
        await CloseSocketAsync(reason).ConfigureAwait(false);
        Log.SessionEnded(_logger, CallSid ?? "(no call)", reason, Stats.FramesIn, Stats.FramesOut, Stats.Refused, Stats.MediaDropped);
        _sink?.OnStreamEnded(reason);
    }

    private async Task<StreamEndReason> ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(_maxMessageBytes);
        var payload = new byte[2 * MaxFrameBytes];
        var message = new StreamMessage();
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(count, _maxMessageBytes - count), cancellationToken).ConfigureAwait(false);
                    count += result.Count;
                    if (!result.EndOfMessage && count >= _maxMessageBytes)
                    {
                        Log.MessageTooBig(_logger, CallSid ?? "(no call)", _maxMessageBytes);
                        return StreamEndReason.MessageTooBig;
                    }
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return StreamEndReason.SocketClosed;
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    Stats.BinaryMessage();
                    continue;
                }

                if (!StreamMessageReader.TryParse(buffer.AsSpan(0, count), payload, message))
                {
                    Stats.MalformedMessage();
                    continue;
                }

                var ended = await HandleAsync(message, payload, cancellationToken).ConfigureAwait(false);
                if (ended is { } reason)
                {
                    return reason;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask<StreamEndReason?> HandleAsync(StreamMessage message, byte[] payload, CancellationToken cancellationToken)
    {
        switch (message.Event)
        {
            case StreamEvent.Media when _sink is null:
                Stats.EarlyMedia();
                break;
            case StreamEvent.Media when message.PayloadInvalid || message.PayloadLength != _frameBytes:
                Stats.InvalidPayload();
                break;
            case StreamEvent.Media:
                Stats.FrameIn();

                // Twilio numbers chunks from 1; a carrier that leaves it out gets arrival order instead.
                _lastChunk = message.Chunk > 0 ? message.Chunk : _lastChunk + 1;
                _sink.OnMedia(_lastChunk, payload.AsSpan(0, _frameBytes));
                break;
            case StreamEvent.Start when _sink is null && message.Start is { } start:
                _sink = await _host.AttachAsync(this, start, cancellationToken).ConfigureAwait(false);
                if (_sink is null)
                {
                    Log.StartRejected(_logger, Studio.LogText.Escape(start.CallSid));
                    return StreamEndReason.Rejected;
                }

                _frameBytes = _sink.FrameBytes;
                (StreamSid, CallSid) = (start.StreamSid, start.CallSid);
                _started.TrySetResult();
                break;
            case StreamEvent.Mark when message.MarkName is { } name && _marksInFlight.TryRemove(name, out var sentAt):
                Stats.MarkAcked(Stopwatch.GetElapsedTime(sentAt));
                break;
            case StreamEvent.Dtmf when _sink is not null && message.Digit is { } digit:
                _sink.OnDtmf(digit);
                break;
            case StreamEvent.Stop:
                return StreamEndReason.CallerStopped;
            case StreamEvent.Connected:
                break;
            default:
                Stats.UnknownMessage();
                break;
        }

        return null;
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        using var writer = new StreamMessageWriter();
        using var cancelled = cancellationToken.UnsafeRegister(static s => ((AsyncSignal)s!).Set(), _wake);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var head = _mediaHead;
                var haveMedia = head < Volatile.Read(ref _mediaTail);

                // A mark or clear goes out once the media queued before it has gone.
                if (_control.TryPeek(out var control) && (!haveMedia || control.AfterMedia <= head))
                {
                    _control.TryDequeue(out _);
                    if (StreamSid is { } controlSid)
                    {
                        await SendControlAsync(writer, controlSid, control, cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                if (!haveMedia)
                {
                    if (_outboundDone)
                    {
                        break;
                    }

                    await _wake.WaitAsync().ConfigureAwait(false);
                    continue;
                }

                var slot = (int)(head % FrameSlots);
                var current = _frameGeneration[slot] == Volatile.Read(ref _generation);
                var json = current && StreamSid is { } sid ? writer.Media(sid, _frames[slot].AsSpan(0, _frameBytes)) : default;

                // The frame is copied into the JSON: its slot may be reused from here on.
                Volatile.Write(ref _mediaHead, head + 1);
                if (json.IsEmpty)
                {
                    continue;
                }

                await _socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                Stats.FrameOut();
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The receive loop decides how the stream ended; a send that fails on a dying socket says nothing new.
        }
    }

    private async ValueTask SendControlAsync(StreamMessageWriter writer, string sid, Control control, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte> json;
        if (control.Kind == OutboundKind.Mark)
        {
            _marksInFlight[control.Mark!] = Stopwatch.GetTimestamp();
            json = writer.Mark(sid, control.Mark!);
        }
        else
        {
            json = writer.Clear(sid);
        }

        await _socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task CloseSocketAsync(StreamEndReason reason)
    {
        var (status, text) = reason switch
        {
            StreamEndReason.Rejected => (WebSocketCloseStatus.PolicyViolation, "unknown or used stream token"),
            StreamEndReason.MessageTooBig => (WebSocketCloseStatus.MessageTooBig, "message too big"),
            StreamEndReason.Faulted => (WebSocketCloseStatus.InternalServerError, "studio error"),
            _ => (WebSocketCloseStatus.NormalClosure, "call ended"),
        };
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(status, text, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone: nothing to close.
        }
    }

    private void EnqueueControl(Control item)
    {
        _control.Enqueue(item);
        _wake.Set();
    }

    private readonly record struct Control(OutboundKind Kind, string? Mark, long AfterMedia);

    private static partial class Log
    {
        [LoggerMessage(100, LogLevel.Information, "Media stream for {CallSid} ended ({Reason}): {In} frames in, {Out} out, {Refused} refused, {Dropped} dropped")]
        public static partial void SessionEnded(ILogger logger, string callSid, StreamEndReason reason, long @in, long @out, long refused, long dropped);

        [LoggerMessage(101, LogLevel.Warning, "Media stream start for {CallSid} refused: unknown or already used token")]
        public static partial void StartRejected(ILogger logger, string callSid);

        [LoggerMessage(102, LogLevel.Warning, "Media stream for {CallSid} closed: a message exceeded {Limit} bytes")]
        public static partial void MessageTooBig(ILogger logger, string callSid, int limit);

        [LoggerMessage(103, LogLevel.Error, "Media stream for {CallSid} failed")]
        public static partial void SessionFaulted(ILogger logger, string callSid, Exception error);
    }
}
