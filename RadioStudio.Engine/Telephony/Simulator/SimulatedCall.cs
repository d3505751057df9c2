using System.Diagnostics;
using System.Net.WebSockets;
using System.Security.Cryptography;
using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Engine.Telephony.Simulator;

/// <summary>
/// One simulated caller on a live stream: sends 20 ms μ-law frames at real-time pace (absolute deadlines),
/// records every frame it receives with its arrival time, echoes marks once the audio queued before them
/// has "played", honours clear, and can hang up. All sends go through the one send loop.
/// </summary>
public sealed class SimulatedCall : IAsyncDisposable
{
    private static readonly long TicksPerFrame = Stopwatch.Frequency / 50;

    private readonly PhoneSimulator _simulator;
    private readonly SimulatedCallOptions _options;
    private readonly byte[] _audio;
    private readonly List<ReceivedFrame> _received = [];
    private readonly List<long> _sent = [];
    private readonly List<long> _clearTimes = [];
    private readonly MemoryStream _receivedAudio = new();
    private readonly List<(string Name, long Due)> _pendingMarks = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<SimulatedCallEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<Outgoing> _extra = new();
    private WebSocket? _socket;
    private Task _loops = Task.CompletedTask;
    private long _playedUntil;
    private long _framesSent;
    private int _clears;
    private readonly ScreeningAnswerer? _answerer;
    private int _disposed;
    private volatile bool _hangingUp;

    internal SimulatedCall(PhoneSimulator simulator, SimulatedCallOptions options, string callSid)
    {
        _simulator = simulator;
        _options = options;
        CallSid = callSid;
        StreamSid = "MZ" + RandomNumberGenerator.GetHexString(32, lowercase: true);
        var audio = options.Audio ?? [];
        if (audio.Length > 0 && options.Codec.SampleRate != 8000)
        {
            audio = PolyphaseResampler.ResampleAll(audio, 8000, options.Codec.SampleRate);
        }

        _audio = new byte[audio.Length * options.Codec.BytesPerSample];
        options.Codec.Encode(audio, _audio);
        _answerer = options.ScreeningAnswers is { Count: > 0 } answers ? new ScreeningAnswerer(answers, options.Codec) : null;
    }

    /// <summary>The caller's screening part, when it has scripted answers.</summary>
    public ScreeningAnswerer? Answerer => _answerer;

    /// <summary>The call's sid.</summary>
    public string CallSid { get; }

    /// <summary>The stream's sid.</summary>
    public string StreamSid { get; }

    /// <summary>The studio's TwiML, once answered.</summary>
    public TwimlAnswer? Answer { get; private set; }

    /// <summary>Why the studio refused, when it did.</summary>
    public string? RefusedWith { get; private set; }

    /// <summary>True while the media stream is up.</summary>
    public bool Connected => _socket is not null && !_ended.Task.IsCompleted;

    /// <summary>Completes when the call is over.</summary>
    public Task<SimulatedCallEnd> Ended => _ended.Task;

    /// <summary>Frames sent to the studio.</summary>
    public long FramesSent => Interlocked.Read(ref _framesSent);

    /// <summary>How many clear messages the studio sent.</summary>
    public int Clears => Volatile.Read(ref _clears);

    /// <summary>When each clear message arrived (Stopwatch ticks), in order.</summary>
    public long[] ClearTimestamps()
    {
        lock (_gate)
        {
            return [.. _clearTimes];
        }
    }

    /// <summary>A snapshot of the frames received so far.</summary>
    public ReceivedFrame[] ReceivedFrames()
    {
        lock (_gate)
        {
            return [.. _received];
        }
    }

    /// <summary>
    /// When each media frame was handed to the socket (Stopwatch ticks), in order: element <c>i</c> is chunk
    /// <c>i + 1</c>, which carries samples <c>i × FrameSamples</c> onwards of <see cref="SimulatedCallOptions.Audio"/>.
    /// </summary>
    public long[] SentTimestamps()
    {
        lock (_gate)
        {
            return [.. _sent];
        }
    }

    /// <summary>Everything heard so far, as payload bytes in <see cref="SimulatedCallOptions.Codec"/>.</summary>
    public byte[] ReceivedAudio()
    {
        lock (_gate)
        {
            return _receivedAudio.ToArray();
        }
    }

    /// <summary>Sends an arbitrary text message on the stream (for bad-input tests).</summary>
    public Task SendRawTextAsync(string text, CancellationToken cancellationToken = default) =>
        SendRawAsync(System.Text.Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, cancellationToken);

    /// <summary>Sends arbitrary bytes on the stream, between two media frames (for bad-input tests).</summary>
    public async Task SendRawAsync(byte[] bytes, WebSocketMessageType type, CancellationToken cancellationToken = default)
    {
        var outgoing = new Outgoing(bytes, type);
        _extra.Enqueue(outgoing);
        await outgoing.Sent.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Hangs up: sends <c>stop</c>, closes the socket and posts the signed completed status callback.</summary>
    public async Task HangUpAsync(CancellationToken cancellationToken = default)
    {
        if (_socket is null || _ended.Task.IsCompleted)
        {
            return;
        }

        _hangingUp = true;
        await _loops.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccountSid"] = _options.AccountSid,
            ["CallSid"] = CallSid,
            ["CallStatus"] = "completed",
            ["From"] = _options.From,
            ["To"] = _options.To,
        };
        await _simulator.PostSignedAsync(_options, "/twilio/status", form, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Once: the call's owner and its own end may both dispose it (a test call that ends as the studio stops).
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _loops.ConfigureAwait(false);
        _socket?.Dispose();
        _stop.Dispose();
        await _receivedAudio.DisposeAsync().ConfigureAwait(false);
    }

    internal void Refuse(string reason, TwimlAnswer? answer)
    {
        (RefusedWith, Answer) = (reason, answer);
        _ended.TrySetResult(SimulatedCallEnd.Refused);
    }

    internal void Start(WebSocket socket, TwimlAnswer answer)
    {
        (_socket, Answer) = (socket, answer);
        _loops = Task.WhenAll(Task.Run(SendLoopAsync), Task.Run(ReceiveLoopAsync));
        _ = _loops.ContinueWith(
            _ => _ended.TrySetResult(_hangingUp ? SimulatedCallEnd.CallerHungUp : SimulatedCallEnd.StudioClosed),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task SendLoopAsync()
    {
        using var writer = new StreamMessageWriter();
        var socket = _socket!;
        var token = _stop.Token;
        long sequence = 1;
        var frame = new byte[_options.Codec.FrameBytes];
        var position = 0;
        try
        {
            await SendAsync(socket, writer.Connected(), token).ConfigureAwait(false);
            var codec = _options.Codec;
            var start = new StreamStart(StreamSid, _options.AccountSid, CallSid, ["inbound"], Answer!.Parameters, codec.Encoding, codec.SampleRate, 1);
            await SendAsync(socket, writer.Start(start, sequence++), token).ConfigureAwait(false);
            var origin = Stopwatch.GetTimestamp();
            for (long chunk = 1; !_hangingUp && socket.State == WebSocketState.Open; chunk++)
            {
                var due = origin + (chunk * TicksPerFrame);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, token).ConfigureAwait(false);
                }

                if (_answerer?.TryFill(frame) != true)
                {
                    position = NextFrame(frame, position);
                }

                var sentAt = Stopwatch.GetTimestamp();
                lock (_gate)
                {
                    _sent.Add(sentAt);
                }

                await SendAsync(socket, writer.InboundMedia(StreamSid, sequence++, chunk, (chunk - 1) * 20, frame), token).ConfigureAwait(false);
                Interlocked.Increment(ref _framesSent);
                while (_extra.TryDequeue(out var extra))
                {
                    await socket.SendAsync(extra.Raw, extra.Type, true, token).ConfigureAwait(false);
                    extra.Sent.TrySetResult();
                }

                foreach (var name in DueMarks())
                {
                    await SendAsync(socket, writer.Mark(StreamSid, name, sequence++), token).ConfigureAwait(false);
                }
            }

            if (_hangingUp && socket.State == WebSocketState.Open)
            {
                await SendAsync(socket, writer.Stop(StreamSid, sequence, _options.AccountSid, CallSid), token).ConfigureAwait(false);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "caller hung up", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The studio closed the stream or the call is being disposed.
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var socket = _socket!;
        var buffer = new byte[64 * 1024];
        var payload = new byte[1024];
        var message = new StreamMessage();
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(count), _stop.Token).ConfigureAwait(false);
                    count += result.Count;
                }
                while (!result.EndOfMessage && count < buffer.Length);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var now = Stopwatch.GetTimestamp();
                if (!StreamMessageReader.TryParse(buffer.AsSpan(0, count), payload, message))
                {
                    continue;
                }

                lock (_gate)
                {
                    switch (message.Event)
                    {
                        case StreamEvent.Media:
                            _received.Add(new ReceivedFrame(now, message.PayloadLength));
                            _answerer?.OnReceived(payload.AsSpan(0, message.PayloadLength));
                            if (_options.RecordAudio)
                            {
                                _receivedAudio.Write(payload, 0, message.PayloadLength);
                            }

                            _playedUntil = Math.Max(_playedUntil, now) + (TicksPerFrame * message.PayloadLength / _options.Codec.FrameBytes);
                            break;
                        case StreamEvent.Mark when message.MarkName is { } name:
                            _pendingMarks.Add((name, Math.Max(_playedUntil, now)));
                            break;
                        case StreamEvent.Clear:
                            _clears++;
                            _clearTimes.Add(now);
                            _playedUntil = now;
                            for (var i = 0; i < _pendingMarks.Count; i++)
                            {
                                _pendingMarks[i] = (_pendingMarks[i].Name, now);
                            }

                            break;
                    }
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private List<string> DueMarks()
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            var due = _pendingMarks.Where(m => m.Due <= now).Select(m => m.Name).ToList();
            _pendingMarks.RemoveAll(m => m.Due <= now);
            return due;
        }
    }

    private int NextFrame(byte[] frame, int position)
    {
        for (var i = 0; i < frame.Length; i++)
        {
            if (position >= _audio.Length)
            {
                if (!_options.LoopAudio || _audio.Length == 0)
                {
                    _options.Codec.Silence(frame.AsSpan(i));
                    return position;
                }

                position = 0;
            }

            frame[i] = _audio[position++];
        }

        return position;
    }

    private sealed record Outgoing(byte[] Raw, WebSocketMessageType Type)
    {
        public TaskCompletionSource Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static ValueTask SendAsync(WebSocket socket, ReadOnlyMemory<byte> json, CancellationToken token) =>
        socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, token);
}
