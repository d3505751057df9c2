using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.Security;

/// <summary>A studio whose stream sockets may wait for <c>start</c> in at most three places.</summary>
public sealed class FewPendingStreamsFixture : PhoneStudioFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["Twilio:MaxPendingStreams"] = "3" };
}

/// <summary>B4: sockets that never send <c>start</c> are closed within 5 s and capped, while a real call streams on.</summary>
public sealed class StreamSocketLimitTests(FewPendingStreamsFixture studio) : IClassFixture<FewPendingStreamsFixture>
{
    [Fact]
    public async Task IdleSockets_ClosedWithinFiveSecondsAndCapped_WhileARealCallKeepsStreaming()
    {
        var (call, lineId) = await studio.CallInAsync("+14155550131");
        var stats = studio.Phones.FindLine(lineId)!.Session!.Stats;
        var framesBefore = stats.FramesIn;
        var watch = Stopwatch.StartNew();

        var idle = new List<ClientWebSocket>();
        for (var i = 0; i < 3; i++)
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(StreamUri(), CancellationToken.None);
            await socket.SendAsync(Encoding.UTF8.GetBytes("""{"event":"connected","protocol":"Call","version":"1.0.0"}"""), WebSocketMessageType.Text, true, CancellationToken.None);
            idle.Add(socket);
        }

        using (var fourth = new ClientWebSocket())
        {
            var refused = await Assert.ThrowsAsync<WebSocketException>(() => fourth.ConnectAsync(StreamUri(), CancellationToken.None));
            Assert.Contains("503", refused.Message, StringComparison.Ordinal);
        }

        foreach (var socket in idle)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                var result = await socket.ReceiveAsync(new byte[1024], timeout.Token);
                Assert.Equal(WebSocketMessageType.Close, result.MessageType);
            }
            catch (WebSocketException)
            {
                // The studio dropped the connection without a close handshake: closed all the same.
            }

            Assert.False(timeout.IsCancellationRequested, "the studio closed the idle socket");
            socket.Dispose();
        }

        var closedAfter = watch.Elapsed;
        Assert.True(closedAfter < TimeSpan.FromSeconds(7), $"idle sockets closed after {closedAfter.TotalSeconds:F1} s (5 s allowed, plus scheduling)");

        // The real call streamed all along, at Twilio's pace (50 frames a second, with slack for a loaded machine).
        var frames = stats.FramesIn - framesBefore;
        Assert.True(frames >= 40 * closedAfter.TotalSeconds, $"{frames} frames in {closedAfter.TotalSeconds:F1} s");
        Assert.True(call.Connected);

        // A place is free again once the idle sockets are gone.
        using var again = new ClientWebSocket();
        await again.ConnectAsync(StreamUri(), CancellationToken.None);
        Assert.Equal(WebSocketState.Open, again.State);
        await studio.Engine.DropCallAsync(lineId);
    }

    [Fact]
    public async Task ForgedStartWithControlCharacters_IsEscapedInTheEventLog()
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(StreamUri(), CancellationToken.None);
        var forged = """{"event":"start","sequenceNumber":"1","start":{"accountSid":"AC1","streamSid":"MZforged","callSid":"CAx\nOFF AIR: show ended\u001b[2J","tracks":["inbound"],"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1},"customParameters":{"token":"not-a-token"}},"streamSid":"MZforged"}""";
        await socket.SendAsync(Encoding.UTF8.GetBytes(forged), WebSocketMessageType.Text, true, CancellationToken.None);

        var state = await studio.Engine.WaitForAsync(s => s.EventLog.Any(e => e.Message.Contains("CAx", StringComparison.Ordinal)));
        var entry = state.EventLog.Last(e => e.Message.Contains("CAx", StringComparison.Ordinal));
        Assert.Contains("CAx\\nOFF AIR: show ended\\u001B[2J", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(state.EventLog, e => e.Message.Any(char.IsControl));
    }

    private Uri StreamUri() => new(studio.BaseUrl.Replace("http", "ws", StringComparison.Ordinal) + "/twilio/stream");
}
