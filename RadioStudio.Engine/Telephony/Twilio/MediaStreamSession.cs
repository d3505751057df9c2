using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>
/// One Twilio Media Streams socket: one receive loop and one send loop joined by a channel. Outbound media
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

    private readonly WebSocket _socket;
    private readonly IMediaStreamHost _host;
    private readonly int _maxMessageBytes;
    private readonly ILogger _logger;
    // The audio clock thread (real-time priority) hands frames to the send loop: a lock-free queue and a
    // lock-free wake-up, so a send loop preempted at the wrong moment can never hold the clock thread up.
    private readonly ConcurrentQueue<Outbound> _outbound = new();
    private TaskCompletionSource? _sendWaiter;
    private volatile bool _outboundDone;
    private readonly byte[][] _frames = [.. Enumerable.Range(0, FrameSlots).Select(_ => new byte[MaxFrameBytes])];
    private readonly ConcurrentDictionary<string, long> _marksInFlight = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private IMediaStreamSink? _sink;
    private int _queuedFrames;
    private int _frameBytes = 160;
    private int _nextSlot;
    private long _lastChunk;
    private int _generation;
    private volatile bool _studioClosing;

    /// <summary>Wraps an accepted WebSocket; call <see cref="RunAsync"/> to serve it.</summary>
    public MediaStreamSession(WebSocket socket, IMediaStreamHost host, int maxMessageBytes, ILogger logger)
    {
        _socket = socket;
        _host = host;
        _maxMessageBytes = maxMessageBytes;
        _logger = logger;
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

        if (Volatile.Read(ref _queuedFrames) >= MaxQueuedFrames)
        {
            Stats.Dropped();
            return false;
        }

        var slot = _nextSlot;
        _nextSlot = (slot + 1) % FrameSlots;
        frame.CopyTo(_frames[slot]);
        Interlocked.Increment(ref _queuedFrames);
        Enqueue(new Outbound(OutboundKind.Media, slot, Volatile.Read(ref _generation), null));
        return true;
    }

    /// <summary>Sends a mark; its round trip is measured when Twilio echoes it.</summary>
    public void SendMark(string name) => Enqueue(new Outbound(OutboundKind.Mark, 0, 0, name));

    /// <summary>Barge-in: drops the media still queued here and tells Twilio to drop what it has buffered.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        Enqueue(new Outbound(OutboundKind.Clear, 0, 0, null));
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
        WakeSender();
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
                    Log.StartRejected(_logger, start.CallSid);
                    return StreamEndReason.Rejected;
                }

                _frameBytes = _sink.FrameBytes;
                (StreamSid, CallSid) = (start.StreamSid, start.CallSid);
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
        try
        {
            while (true)
            {
                if (!_outbound.TryDequeue(out var item))
                {
                    if (_outboundDone)
                    {
                        break;
                    }

                    var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    Volatile.Write(ref _sendWaiter, waiter);
                    if (_outbound.IsEmpty && !_outboundDone)
                    {
                        await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }

                    Interlocked.CompareExchange(ref _sendWaiter, null, waiter);
                    continue;
                }

                if (StreamSid is not { } sid)
                {
                    continue;
                }

                ReadOnlyMemory<byte> json;
                if (item.Kind == OutboundKind.Media)
                {
                    var current = item.Generation == Volatile.Read(ref _generation);
                    json = current ? writer.Media(sid, _frames[item.Slot].AsSpan(0, _frameBytes)) : default;
                    Interlocked.Decrement(ref _queuedFrames);
                    if (!current)
                    {
                        continue;
                    }
                }
                else if (item.Kind == OutboundKind.Mark)
                {
                    _marksInFlight[item.Mark!] = Stopwatch.GetTimestamp();
                    json = writer.Mark(sid, item.Mark!);
                }
                else
                {
                    json = writer.Clear(sid);
                }

                await _socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                if (item.Kind == OutboundKind.Media)
                {
                    Stats.FrameOut();
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The receive loop decides how the stream ended; a send that fails on a dying socket says nothing new.
        }
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

    private void Enqueue(Outbound item)
    {
        _outbound.Enqueue(item);
        WakeSender();
    }

    private void WakeSender() => Interlocked.Exchange(ref _sendWaiter, null)?.TrySetResult();

    private readonly record struct Outbound(OutboundKind Kind, int Slot, int Generation, string? Mark);

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
