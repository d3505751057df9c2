using System.Net.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Tests.Engine.Telephony.Twilio;

/// <summary>The pump between the audio clock and the send loops: one post per block, nothing stranded, nothing allocated.</summary>
public sealed class MediaSendPumpTests : IDisposable
{
    private readonly List<WebSocket> _sockets = [];

    [Fact]
    public void ABlockWithManyStreams_PostsOnce_AndEveryStreamIsWoken()
    {
        var pump = new MediaSendPump();
        var sessions = Enumerable.Range(0, 50).Select(_ => NewSession()).ToArray();

        foreach (var session in sessions)
        {
            Assert.True(pump.TryRequest(session));
        }

        pump.Flush();
        pump.Flush();
        pump.Dispose(); // wakes everything requested, then stops

        Assert.Equal(1, pump.Posts);
        Assert.Equal(sessions.Length, pump.Woken);
    }

    [Fact]
    public void AFlushWithNothingRequested_DoesNotPost()
    {
        var pump = new MediaSendPump();
        pump.Flush();
        pump.Dispose();

        Assert.Equal(0, pump.Posts);
        Assert.Equal(0, pump.Woken);
    }

    [Fact]
    public void AFullRing_RefusesTheRequest_SoTheStreamWakesItself()
    {
        var pump = new MediaSendPump();
        var session = NewSession();

        // Without a flush the pump's thread sleeps, so nothing drains.
        for (var i = 0; i < MediaSendPump.Capacity; i++)
        {
            Assert.True(pump.TryRequest(session));
        }

        Assert.False(pump.TryRequest(session));
        pump.Flush();
        pump.Dispose();
        Assert.Equal(MediaSendPump.Capacity, pump.Woken);
    }

    [Fact]
    public void AfterDispose_RequestsAreRefused_AndAFlushIsHarmless()
    {
        var pump = new MediaSendPump();
        pump.Dispose();

        Assert.False(pump.TryRequest(NewSession()));
        pump.Flush();
        pump.Dispose();
        Assert.Equal(0, pump.Woken);
    }

    [Fact]
    public void RequestAndFlush_AllocateNothingOnTheClockThread()
    {
        var pump = new MediaSendPump();
        var sessions = Enumerable.Range(0, 8).Select(_ => NewSession()).ToArray();
        var accepted = 0;
        foreach (var session in sessions)
        {
            accepted += pump.TryRequest(session) ? 1 : 0;
        }

        pump.Flush();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var block = 0; block < 100; block++)
        {
            foreach (var session in sessions)
            {
                accepted += pump.TryRequest(session) ? 1 : 0;
            }

            pump.Flush();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        pump.Dispose();
        Assert.Equal(0, allocated);
        Assert.Equal(accepted, pump.Woken);
        Assert.InRange(pump.Posts, 1, 101);
    }

    public void Dispose()
    {
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }
    }

    private MediaStreamSession NewSession()
    {
        var socket = WebSocket.CreateFromStream(new MemoryStream(), new WebSocketCreationOptions { IsServer = true });
        _sockets.Add(socket);
        return new MediaStreamSession(socket, new NoHost(), 16 * 1024, NullLogger.Instance);
    }

    private sealed class NoHost : IMediaStreamHost
    {
        public ValueTask<IMediaStreamSink?> AttachAsync(MediaStreamSession session, StreamStart start, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IMediaStreamSink?>(null);
    }
}
