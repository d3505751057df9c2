using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RadioStudio.Engine.Show.WarmUp;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that answers with <see cref="CannedProviderAnswers"/>, so the warm-up's
/// requests go through the same socket handler, request content and response streams a provider's requests do.
/// It serves only the warm-up's own clients for the length of one pass; keep-alive, Content-Length and chunked
/// request bodies are all it understands.
/// </summary>
internal sealed class LoopbackProvider : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private LoopbackProvider()
    {
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1");
        _accepting = AcceptAsync();
    }

    /// <summary>The OpenAI-style base URL (ends in /v1).</summary>
    public Uri Endpoint { get; }

    public static LoopbackProvider Start() => new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                connections.Add(ServeAsync(client));
            }
        }
        finally
        {
            await Task.WhenAll(connections).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = new BufferedStream(client.GetStream());
        await using (stream.ConfigureAwait(false))
        {
            while (await ReadLineAsync(stream).ConfigureAwait(false) is { Length: > 0 } requestLine)
            {
                var path = requestLine.Split(' ') is [_, var target, ..] ? target : "/";
                long length = 0;
                var chunked = false;
                while (await ReadLineAsync(stream).ConfigureAwait(false) is { Length: > 0 } header)
                {
                    var colon = header.IndexOf(':', StringComparison.Ordinal);
                    var name = colon > 0 ? header[..colon].Trim() : "";
                    var value = colon > 0 ? header[(colon + 1)..].Trim() : "";
                    length = name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) ? long.Parse(value, CultureInfo.InvariantCulture) : length;
                    chunked |= name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
                }

                var body = chunked ? await ReadChunkedAsync(stream).ConfigureAwait(false) : await ReadExactlyAsync(stream, length).ConfigureAwait(false);
                var answer = CannedProviderAnswers.For(path, Encoding.UTF8.GetString(body));
                var content = answer?.Body ?? [];
                var head = $"HTTP/1.1 {(answer is null ? "404 Not Found" : "200 OK")}\r\nContent-Type: {answer?.ContentType ?? "text/plain"}\r\nContent-Length: {content.Length}\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token).ConfigureAwait(false);
                await stream.WriteAsync(content, _stop.Token).ConfigureAwait(false);
                await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
            }
        }
    }

    private async Task<byte[]> ReadChunkedAsync(Stream stream)
    {
        using var body = new MemoryStream();
        while (await ReadLineAsync(stream).ConfigureAwait(false) is { Length: > 0 } sizeLine)
        {
            var size = long.Parse(sizeLine.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                await ReadLineAsync(stream).ConfigureAwait(false);
                break;
            }

            body.Write(await ReadExactlyAsync(stream, size).ConfigureAwait(false));
            await ReadLineAsync(stream).ConfigureAwait(false);
        }

        return body.ToArray();
    }

    private async Task<byte[]> ReadExactlyAsync(Stream stream, long length)
    {
        var buffer = new byte[checked((int)Math.Min(length, 16 << 20))];
        await stream.ReadExactlyAsync(buffer, _stop.Token).ConfigureAwait(false);
        return buffer;
    }

    /// <summary>One CRLF-terminated line without its terminator; null at the end of the stream.</summary>
    private async Task<string?> ReadLineAsync(Stream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, _stop.Token).ConfigureAwait(false) == 1)
        {
            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }

        return line.Length > 0 ? line.ToString() : null;
    }
}
