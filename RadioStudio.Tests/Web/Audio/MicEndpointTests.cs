using System.Net;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Audio.Devices;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.Audio;

public sealed class MicEndpointTests : IAsyncLifetime
{
    private readonly StudioWebFactory _factory = new();
    private string _ws = "";

    private HostMicrophone Mic => _factory.Services.GetRequiredService<HostMicrophone>();

    public Task InitializeAsync()
    {
        _ws = _factory.StartKestrel().Replace("http://", "ws://", StringComparison.Ordinal);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Chunks_ArriveSampleExactInTheHostMicCapture()
    {
        var reader = Mic.Capture.Subscribe(prefillSamples: 0);
        using var socket = await ConnectAsync("?rate=48000");
        var chunk = new byte[1_920];
        for (var i = 0; i < 960; i++)
        {
            BitConverter.TryWriteBytes(chunk.AsSpan(i * 2), (short)((i * 31) - 15_000));
        }

        await socket.SendAsync(chunk, WebSocketMessageType.Binary, true, CancellationToken.None);
        await Poll.AssertUntilAsync(() => Mic.Capture.Written >= 960, "the chunk reached the capture");

        var heard = new float[960];
        reader.Read(heard);
        Assert.Equal(Enumerable.Range(0, 960).Select(i => ((i * 31) - 15_000) / 32768f), heard);
        Assert.Equal("browser", Mic.Source);
    }

    [Fact]
    public async Task MalformedChunks_AreSkipped_TheConnectionStaysUp()
    {
        using var socket = await ConnectAsync("?rate=16000");
        await socket.SendAsync(new byte[3], WebSocketMessageType.Binary, true, CancellationToken.None);
        await socket.SendAsync("hello"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        await socket.SendAsync(new byte[100_000], WebSocketMessageType.Binary, true, CancellationToken.None);
        await socket.SendAsync(new byte[640], WebSocketMessageType.Binary, true, CancellationToken.None);

        await Poll.AssertUntilAsync(() => Mic.Capture.Written > 0, "the good 16 kHz chunk still arrives after the bad ones");
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task ASecondMicrophone_TakesOver_AndTheFirstIsClosed()
    {
        using var first = await ConnectAsync("?rate=48000");
        await Poll.AssertUntilAsync(() => Mic.Source == "browser", "first mic connected");
        using var second = await ConnectAsync("?rate=48000");

        // The studio closes the first tab's socket as soon as the second connects, without waiting for its next chunk.
        var result = await first.ReceiveAsync(new byte[64], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal("another microphone took over", first.CloseStatusDescription);
        Assert.Equal("browser", Mic.Source);
    }

    [Theory]
    [InlineData("?rate=12345", "self", HttpStatusCode.BadRequest)]
    [InlineData("", "self", HttpStatusCode.BadRequest)]
    [InlineData("?rate=48000", "https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("?rate=48000", null, HttpStatusCode.Forbidden)]
    public async Task BadRateOrForeignOrigin_IsRefused(string query, string? origin, HttpStatusCode expected)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin == "self" ? Origin : origin);
        }

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(_ws + "/audio/mic" + query), CancellationToken.None));
        Assert.Equal(expected, socket.HttpStatusCode);
        Assert.Null(Mic.Source);
    }

    /// <summary>The studio's own origin, as its page's browser sends it.</summary>
    private string Origin => _ws.Replace("ws://", "http://", StringComparison.Ordinal);

    private async Task<ClientWebSocket> ConnectAsync(string query)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", Origin);
        await socket.ConnectAsync(new Uri(_ws + "/audio/mic" + query), CancellationToken.None);
        return socket;
    }
}
