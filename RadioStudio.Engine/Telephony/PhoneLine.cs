using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Engine.Telephony;

/// <summary>
/// The live side of one call: its media stream, the caller's audio coming in, and what the caller hears.
/// The studio state holds what the pages see (<see cref="State.PhoneLineState"/>); this holds the sockets
/// and buffers, and is driven by the audio clock and the socket loops.
/// </summary>
public sealed class PhoneLine : IMediaStreamSink
{
    private readonly HoldFeed _hold;
    private readonly float[] _decoded;
    private readonly Action<PhoneLine, StreamEndReason> _ended;
    private int _holdPosition;
    private int _tornDown;
    private volatile MediaStreamSession? _session;
    private volatile bool _onAir;

    internal PhoneLine(
        string id, string callSid, string number, string token, bool simulated, DateTimeOffset created, StreamCodec codec, HoldFeed hold,
        Action<PhoneLine, StreamEndReason> ended)
    {
        (Id, CallSid, Number, Token, Simulated, Created, Codec) = (id, callSid, number, token, simulated, created, codec);
        Inbound = new InboundAudioBuffer(codec.SampleRate * 10);
        _decoded = new float[codec.FrameSamples];
        _hold = hold;
        _ended = ended;
    }

    /// <summary>Studio line id.</summary>
    public string Id { get; }

    /// <summary>Twilio CallSid.</summary>
    public string CallSid { get; }

    /// <summary>Caller number.</summary>
    public string Number { get; }

    /// <summary>One-time token that ties the media stream to this call.</summary>
    public string Token { get; }

    /// <summary>A call from the built-in simulator (no REST call is made to end it).</summary>
    public bool Simulated { get; }

    /// <summary>When the webhook answered.</summary>
    public DateTimeOffset Created { get; }

    /// <summary>The stream's audio format (the inbound buffer runs at its sample rate).</summary>
    public StreamCodec Codec { get; }

    /// <summary>The caller's decoded audio, at <see cref="StreamCodec.SampleRate"/>.</summary>
    public InboundAudioBuffer Inbound { get; }

    /// <inheritdoc />
    public int FrameBytes => Codec.FrameBytes;

    /// <summary>The media stream, once attached.</summary>
    public MediaStreamSession? Session => _session;

    /// <summary>
    /// A studio-state version that already holds this line; an older snapshot predates the call and says
    /// nothing about whether it has ended.
    /// </summary>
    public long KnownSinceVersion { get; internal set; } = long.MaxValue;

    /// <summary>The caller ended the call (no REST hang-up needed).</summary>
    public bool EndedByCaller { get; private set; }

    /// <summary>On air: the caller hears the show (silence until the audio engine routes it); else hold music.</summary>
    public bool OnAir
    {
        get => _onAir;
        set => _onAir = value;
    }

    /// <inheritdoc />
    public void OnMedia(ReadOnlySpan<byte> payload)
    {
        // One receive loop per line calls this, so the line's own scratch buffer is safe to reuse.
        var samples = _decoded.AsSpan(0, payload.Length / Codec.BytesPerSample);
        Codec.Decode(payload, samples);
        Inbound.Write(samples);
    }

    /// <inheritdoc />
    public void OnDtmf(string digit)
    {
    }

    /// <inheritdoc />
    public void OnStreamEnded(StreamEndReason reason)
    {
        EndedByCaller = reason is StreamEndReason.CallerStopped or StreamEndReason.SocketClosed;
        _ended(this, reason);
    }

    /// <summary>Fills the caller's next outbound frame (audio clock thread).</summary>
    public void FillOutbound(Span<byte> frame)
    {
        if (_onAir)
        {
            Codec.Silence(frame);
        }
        else
        {
            _hold.Read(ref _holdPosition, frame);
        }
    }

    internal void Attach(MediaStreamSession session) => _session = session;

    internal void MarkCallerGone() => EndedByCaller = true;

    /// <summary>True the first time only: the line is torn down once.</summary>
    internal bool BeginTeardown() => Interlocked.Exchange(ref _tornDown, 1) == 0;
}
