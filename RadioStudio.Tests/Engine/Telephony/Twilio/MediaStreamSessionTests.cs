using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RadioStudio.Engine.Telephony.Twilio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Telephony.Twilio;

/// <summary>The session on its own, over a real loopback TCP WebSocket pair, with a scripted host and sink.</summary>
public sealed class MediaStreamSessionTests : IAsyncLifetime
{
    private readonly RecordingSink _sink = new();
    private readonly StreamMessageWriter _twilio = new();
    private readonly TaskCompletionSource _writesOpen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebSocket _server = null!;
    private WebSocket _client = null!;
    private TcpClient _tcpClient = null!;
    private TcpClient _tcpServer = null!;

    public async Task InitializeAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _tcpClient = new TcpClient();
        var accept = listener.AcceptTcpClientAsync();
        await _tcpClient.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        _tcpServer = await accept;
        _server = WebSocket.CreateFromStream(new GatedStream(_tcpServer.GetStream(), _writesOpen.Task), new WebSocketCreationOptions { IsServer = true });
        _client = WebSocket.CreateFromStream(_tcpClient.GetStream(), new WebSocketCreationOptions { IsServer = false });
    }

    public Task DisposeAsync()
    {
        _twilio.Dispose();
        _server.Dispose();
        _client.Dispose();
        _tcpClient.Dispose();
        _tcpServer.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task MediaBeforeStart_IsCountedThenAcceptedStreamDeliversMediaDtmfAndStop()
    {
        _writesOpen.SetResult();
        var session = new MediaStreamSession(_server, new Host(_sink, accept: true), 16 * 1024, NullLogger.Instance);
        var run = session.RunAsync(CancellationToken.None);

        await SendAsync(_twilio.Connected());
        await SendAsync(_twilio.InboundMedia("MZ1", 1, 1, 0, new byte[160]));
        await SendAsync(_twilio.Start(Start("good"), 2));
        var frame = Enumerable.Range(0, 160).Select(i => (byte)i).ToArray();
        await SendAsync(_twilio.InboundMedia("MZ1", 3, 2, 20, frame));
        await SendAsync(_twilio.Dtmf("MZ1", 4, "7"));
        await SendAsync(_twilio.Stop("MZ1", 5, "AC1", "CA1"));

        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, session.Stats.MediaBeforeStart);
        Assert.Equal(1, session.Stats.FramesIn);
        Assert.Equal(frame, Assert.Single(_sink.Frames));
        Assert.Equal(2, Assert.Single(_sink.Chunks));
        Assert.Equal(["7"], _sink.Digits);
        Assert.Equal(StreamEndReason.CallerStopped, _sink.Ended);
        Assert.Equal(("MZ1", "CA1"), (session.StreamSid, session.CallSid));
    }

    [Fact]
    public async Task RejectedStart_ClosesWithPolicyViolationAndNoSinkIsTold()
    {
        _writesOpen.SetResult();
        var session = new MediaStreamSession(_server, new Host(_sink, accept: false), 16 * 1024, NullLogger.Instance);
        var run = session.RunAsync(CancellationToken.None);

        await SendAsync(_twilio.Connected());
        await SendAsync(_twilio.Start(Start("bad"), 1));

        var buffer = new byte[256];
        var result = await _client.ReceiveAsync(buffer, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, result.CloseStatus);
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(_sink.Ended);
    }

    [Fact]
    public async Task OutboundMedia_BeyondFiveQueuedFrames_IsDroppedAndCounted()
    {
        var session = new MediaStreamSession(_server, new Host(_sink, accept: true), 16 * 1024, NullLogger.Instance);
        var run = session.RunAsync(CancellationToken.None);
        await SendAsync(_twilio.Start(Start("good"), 1));
        await Poll.AssertUntilAsync(() => session.StreamSid is not null, "the stream starts");

        var accepted = 0;
        var frame = new byte[160];
        for (var i = 0; i < 200; i++)
        {
            accepted += session.TrySendMedia(frame) ? 1 : 0;
        }

        // The server's writes are held, so nothing drains: five frames (100 ms) may wait, plus the one the send
        // loop has already serialised if it got to it first; every other frame is dropped and counted.
        Assert.InRange(accepted, 5, 6);
        Assert.Equal(200 - accepted, session.Stats.MediaDropped);
        Assert.False(session.TrySendMedia(new byte[80]), "a frame that is not 160 bytes is refused");
        session.Close();
        _writesOpen.SetResult();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(StreamEndReason.StudioClosed, _sink.Ended);
    }

    [Fact]
    public async Task OutboundMedia_ThroughThePump_IsWokenOncePerBlockAndArrivesInOrder()
    {
        _writesOpen.SetResult();
        var pump = new MediaSendPump();
        var session = new MediaStreamSession(_server, new Host(_sink, accept: true), 16 * 1024, NullLogger.Instance, pump);
        var run = session.RunAsync(CancellationToken.None);
        await SendAsync(_twilio.Start(Start("good"), 1));
        await Poll.AssertUntilAsync(() => session.StreamSid is not null, "the stream starts");

        const int Blocks = 5;
        var buffer = new byte[4096];
        for (var block = 0; block < Blocks; block++)
        {
            var frame = Enumerable.Repeat((byte)(0x10 + block), 160).ToArray();
            Assert.True(session.TrySendMedia(frame));
            pump.Flush();
            pump.Flush(); // nothing new since the last flush: no second post

            var result = await _client.ReceiveAsync(buffer, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            var json = Encoding.UTF8.GetString(buffer, 0, result.Count);
            Assert.Contains("\"event\":\"media\"", json, StringComparison.Ordinal);
            Assert.Contains(Convert.ToBase64String(frame), json, StringComparison.Ordinal);
        }

        session.Close();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        pump.Dispose();
        Assert.Equal(Blocks, pump.Posts);
        Assert.Equal(Blocks, pump.Woken);
        Assert.Equal(Blocks, session.Stats.FramesOut);
    }

    private static StreamStart Start(string token) =>
        new("MZ1", "AC1", "CA1", ["inbound"], new Dictionary<string, string> { ["token"] = token }, "audio/x-mulaw", 8000, 1);

    private async Task SendAsync(ReadOnlyMemory<byte> json) =>
        await _client.SendAsync(json.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Holds every write until the gate opens (reads pass straight through).</summary>
    private sealed class GatedStream(Stream inner, Task gate) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await gate.WaitAsync(cancellationToken);
            await inner.WriteAsync(buffer, cancellationToken);
        }
    }

    private sealed class Host(IMediaStreamSink sink, bool accept) : IMediaStreamHost
    {
        public ValueTask<IMediaStreamSink?> AttachAsync(MediaStreamSession session, StreamStart start, CancellationToken cancellationToken) =>
            ValueTask.FromResult(accept && start.CustomParameters.GetValueOrDefault("token") == "good" ? sink : null);
    }

    private sealed class RecordingSink : IMediaStreamSink
    {
        public ConcurrentQueue<byte[]> Frames { get; } = new();

        public ConcurrentQueue<long> Chunks { get; } = new();

        public ConcurrentQueue<string> Digits { get; } = new();

        public StreamEndReason? Ended { get; private set; }

        public int FrameBytes => 160;

        public void OnMedia(long chunk, ReadOnlySpan<byte> mulaw)
        {
            Chunks.Enqueue(chunk);
            Frames.Enqueue(mulaw.ToArray());
        }

        public void OnDtmf(string digit) => Digits.Enqueue(digit);

        public void OnStreamEnded(StreamEndReason reason) => Ended = reason;
    }
}
