namespace RadioStudio.Engine.Telephony.Simulator;

/// <summary>How a simulated caller calls in.</summary>
/// <param name="StudioBaseUrl">Where the studio listens (the simulator's HTTP and WebSocket target).</param>
/// <param name="SignatureBaseUrl">The public base URL Twilio would have requested (what the signature covers).</param>
/// <param name="AccountSid">Account the call belongs to.</param>
/// <param name="AuthToken">Token the webhook is signed with.</param>
/// <param name="From">Caller number, E.164.</param>
/// <param name="To">Studio number.</param>
public sealed record SimulatedCallOptions(Uri StudioBaseUrl, string SignatureBaseUrl, string AccountSid, string AuthToken, string From, string To)
{
    /// <summary>What the caller says: 8 kHz mono (<see cref="Audio.AudioFile.ReadMono"/> reads any WAV); silence after it (or a loop).</summary>
    public float[]? Audio { get; init; }

    /// <summary>The stream format the simulated carrier uses (it must match the studio's Twilio:StreamCodec).</summary>
    public StreamCodec Codec { get; init; } = StreamCodec.Pcmu;

    /// <summary>Repeat <see cref="Audio"/> instead of falling silent.</summary>
    public bool LoopAudio { get; init; }

    /// <summary>Keep every received payload (for listening/measuring); timestamps are always kept.</summary>
    public bool RecordAudio { get; init; } = true;

    /// <summary>
    /// What the caller says to a screener, in order (8 kHz mono utterances: name, then topic…): each is spoken after
    /// the caller has heard the screener speak and fall quiet. Null: the caller never answers.
    /// </summary>
    public IReadOnlyList<float[]>? ScreeningAnswers { get; init; }

    /// <summary>Call SID to use; a random CA… when null.</summary>
    public string? CallSid { get; init; }

    /// <summary>Opens the media WebSocket; a plain ClientWebSocket when null (tests may use an in-memory server).</summary>
    public Func<Uri, CancellationToken, Task<System.Net.WebSockets.WebSocket>>? ConnectWebSocket { get; init; }
}
