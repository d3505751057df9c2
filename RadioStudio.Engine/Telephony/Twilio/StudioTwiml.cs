namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>The three answers the studio gives to an incoming call, and the stream URL they point at.</summary>
public static class StudioTwiml
{
    /// <summary>Off air: say <paramref name="message"/>, then hang up.</summary>
    public static string OffAir(string message, string? voice) =>
        new TwimlBuilder().Say(message, voice).Hangup().Build();

    /// <summary>Lines full or blocked: say <paramref name="message"/>, then hang up.</summary>
    public static string Busy(string message, string? voice) =>
        new TwimlBuilder().Say(message, voice).Hangup().Build();

    /// <summary>
    /// On air: say <paramref name="greeting"/>, then hand the caller's audio to the studio over a media stream.
    /// From then on the studio holds, screens and airs the caller without further TwiML. A non-null
    /// <paramref name="codec"/> asks a compatible carrier for another stream format.
    /// </summary>
    public static string OnAir(
        string greeting,
        string? voice,
        string streamUrl,
        IReadOnlyDictionary<string, string> parameters,
        string? statusCallbackUrl,
        string? codec = null) =>
        new TwimlBuilder().Say(greeting, voice).ConnectStream(streamUrl, parameters, statusCallbackUrl, codec).Build();

    /// <summary>
    /// The media-stream URL for <paramref name="path"/> under <paramref name="publicBaseUrl"/>: http becomes ws,
    /// https becomes wss, the base's own path is kept. A query string is refused because Twilio cannot carry one.
    /// </summary>
    public static string StreamUrlFor(string publicBaseUrl, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var baseUri))
        {
            throw new ArgumentException($"\"{publicBaseUrl}\" is not an absolute URL", nameof(publicBaseUrl));
        }

        var scheme = baseUri.Scheme switch
        {
            "https" or "wss" => "wss",
            "http" or "ws" => "ws",
            _ => throw new ArgumentException($"\"{publicBaseUrl}\" is neither http(s) nor ws(s)", nameof(publicBaseUrl)),
        };
        if (baseUri.Query.Length > 0 || baseUri.Fragment.Length > 0 || path.AsSpan().IndexOfAny('?', '#') >= 0)
        {
            throw new ArgumentException("a Twilio stream URL cannot carry a query string; use <Parameter>s", nameof(path));
        }

        // Default ports line up (http/ws 80, https/wss 443), so the authority carries over as it is.
        return $"{scheme}://{baseUri.Authority}{baseUri.AbsolutePath.TrimEnd('/')}/{path.TrimStart('/')}";
    }
}
