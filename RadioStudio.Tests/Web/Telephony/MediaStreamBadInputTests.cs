using System.Net.WebSockets;
using System.Text;
using RadioStudio.Engine.Telephony.Twilio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.Telephony;

/// <summary>
/// Every kind of bad input on a media stream is skipped and counted (or closes that socket), and never
/// disturbs the call itself or any other call.
/// </summary>
public sealed class MediaStreamBadInputTests(PhoneStudioFixture studio) : IClassFixture<PhoneStudioFixture>
{
    [Fact]
    public async Task GarbageOnALiveStream_IsCountedAndTheCallCarriesOn()
    {
        var (call, lineId) = await studio.CallInAsync("+14155550121");
        var (bystander, bystanderLine) = await studio.CallInAsync("+14155550122");
        var stats = studio.Phones.FindLine(lineId)!.Session!.Stats;

        await call.SendRawTextAsync("this is not json");
        await call.SendRawTextAsync("""{"event":"media" """);
        await call.SendRawAsync([1, 2, 3, 4], WebSocketMessageType.Binary);
        await call.SendRawTextAsync("""{"event":"karaoke","streamSid":"MZ1"}""");
        await call.SendRawTextAsync($$$"""{"event":"media","streamSid":"{{{call.StreamSid}}}","media":{"payload":"{{{Convert.ToBase64String(new byte[80])}}}"}}""");
        await call.SendRawTextAsync("""{"event":"media","media":{"payload":"%%% not base64 %%%"}}""");

        await Poll.AssertUntilAsync(() => stats.Malformed == 2 && stats.Binary == 1 && stats.Unknown == 1 && stats.BadPayload == 2, "each bad message is counted");
        var before = stats.FramesIn;
        await Poll.AssertUntilAsync(() => stats.FramesIn > before + 10, "good frames keep arriving after the garbage");
        Assert.True(call.Connected);
        Assert.Contains(studio.Engine.Current.Lines, l => l.Id == lineId);
        Assert.True(bystander.Connected);
        Assert.Equal(0, studio.Phones.FindLine(bystanderLine)!.Session!.Stats.Refused);
        await studio.Engine.DropCallAsync(lineId);
        await studio.Engine.DropCallAsync(bystanderLine);
    }

    [Fact]
    public async Task OversizedMessage_ClosesOnlyThatSocket()
    {
        var (call, lineId) = await studio.CallInAsync("+14155550123");
        var (bystander, bystanderLine) = await studio.CallInAsync("+14155550124");

        await call.SendRawTextAsync("{\"event\":\"media\",\"pad\":\"" + new string('x', 20_000) + "\"}");

        await call.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        await studio.Engine.WaitForAsync(s => s.Lines.All(l => l.Id != lineId));
        var stats = studio.Phones.FindLine(bystanderLine)!.Session!.Stats;
        var before = stats.FramesIn;
        await Poll.AssertUntilAsync(() => stats.FramesIn > before + 10, "the other call carries on");
        Assert.True(bystander.Connected);
        await studio.Engine.DropCallAsync(bystanderLine);
    }

    [Fact]
    public async Task StreamWithoutAValidToken_IsClosedAndMediaBeforeStartIsIgnored()
    {
        var (status, _) = await RawStreamAsync(socket => new[]
        {
            Json.Connected(),
            Json.Media("MZ9", new byte[160]),
            Json.Start("MZ9", "CA9", new Dictionary<string, string> { ["token"] = "not-a-real-token" }),
        });

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
    }

    [Fact]
    public async Task StreamWithNoTokenAtAll_IsClosed()
    {
        var (status, _) = await RawStreamAsync(_ => new[] { Json.Connected(), Json.Start("MZ8", "CA8", new Dictionary<string, string>()) });
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
    }

    [Fact]
    public async Task ReusedToken_IsClosedAndTheFirstStreamKeepsItsCall()
    {
        var (call, lineId) = await studio.CallInAsync("+14155550125");
        var parameters = call.Answer!.Parameters;

        var (status, _) = await RawStreamAsync(_ => new[] { Json.Connected(), Json.Start("MZ7", call.CallSid, parameters) });

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.True(call.Connected);
        Assert.Contains(studio.Engine.Current.Lines, l => l.Id == lineId);
        await studio.Engine.DropCallAsync(lineId);
    }

    [Fact]
    public async Task PlainHttpToTheStreamEndpoint_Is400()
    {
        using var response = await studio.Http.GetAsync(new Uri(studio.BaseUrl + "/twilio/stream"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<(WebSocketCloseStatus? Status, string? Description)> RawStreamAsync(Func<WebSocket, IEnumerable<string>> messages)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(studio.BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/twilio/stream"), CancellationToken.None);
        foreach (var message in messages(socket))
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, CancellationToken.None);
        }

        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (result.CloseStatus, result.CloseStatusDescription);
            }
        }
    }

    private static class Json
    {
        private static readonly StreamMessageWriter Writer = new();

        public static string Connected() => Text(Writer.Connected());

        public static string Media(string streamSid, byte[] payload) => Text(Writer.InboundMedia(streamSid, 2, 1, 0, payload));

        public static string Start(string streamSid, string callSid, IReadOnlyDictionary<string, string> parameters) =>
            Text(Writer.Start(new StreamStart(streamSid, PhoneStudioFixture.AccountSid, callSid, ["inbound"], parameters, "audio/x-mulaw", 8000, 1), 1));

        private static string Text(ReadOnlyMemory<byte> json) => Encoding.UTF8.GetString(json.Span);
    }
}
