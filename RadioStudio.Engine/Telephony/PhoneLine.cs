using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Audio.Phone;
using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Engine.Telephony;

/// <summary>
/// The live side of one call: its media stream, the caller's audio coming in (decoded into a jitter buffer
/// and upsampled to 48 kHz), and what the caller hears (their mix-minus encoded back to the codec, or the
/// hold feed). The studio state holds what the pages see (<see cref="State.PhoneLineState"/>); this holds the
/// sockets and buffers, and is driven by the audio graph and the socket loops.
/// </summary>
public sealed class PhoneLine : IMediaStreamSink, IPhoneLineAudio
{
    private readonly HoldFeed _hold;
    private readonly byte[] _frame;
    private readonly Action<PhoneLine, StreamEndReason> _ended;
    private int _holdPosition;
    private int _tornDown;
    private volatile MediaStreamSession? _session;
    private volatile int _slot = -1;
    private volatile IHoldOverlay? _overlay;

    internal PhoneLine(
        string id, string callSid, string number, string token, bool simulated, DateTimeOffset created, StreamCodec codec, HoldFeed hold,
        Action<PhoneLine, StreamEndReason> ended)
    {
        (Id, CallSid, Number, Token, Simulated, Created, Codec) = (id, callSid, number, token, simulated, created, codec);
        Inbound = new PhoneInbound(codec);
        Outbound = new PhoneOutbound(codec);
        _frame = Audio.RealtimeMemory.Array<byte>(codec.FrameBytes);
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

    /// <summary>The caller's audio into the studio: decode → jitter buffer → 48 kHz.</summary>
    public PhoneInbound Inbound { get; }

    /// <summary>The caller's return: 48 kHz mix-minus → codec rate → codec frame.</summary>
    public PhoneOutbound Outbound { get; }

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

    /// <summary>On air: the caller is in the program and hears their mix-minus; else the hold feed.</summary>
    public bool OnAir => _slot >= 0;

    /// <inheritdoc />
    public int Slot => _slot;

    /// <summary>What talks to this caller while holding (the AI screener), from the next block; null for plain hold music.</summary>
    public IHoldOverlay? HoldOverlay
    {
        get => _overlay;
        set => _overlay = value;
    }

    /// <inheritdoc />
    public bool Connected => _session is { StreamSid: not null };

    /// <inheritdoc />
    public void OnMedia(long chunk, ReadOnlySpan<byte> payload) => Inbound.PushFrame(chunk, payload);

    /// <inheritdoc />
    public void ReadInbound(Span<float> block)
    {
        Inbound.Read(block);
        if (_slot < 0)
        {
            _overlay?.Hear(block);
        }
    }

    /// <inheritdoc />
    public void SendReturn(ReadOnlySpan<float> block)
    {
        Outbound.Encode(block, _frame);
        _session?.TrySendMedia(_frame);
    }

    /// <inheritdoc />
    public void SendHold()
    {
        _hold.Read(ref _holdPosition, _frame);
        _overlay?.Overlay(_frame);
        _session?.TrySendMedia(_frame);
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

    /// <summary>Puts the caller in phone slot <paramref name="slot"/> (on air) or back on hold (−1), from the next block.</summary>
    internal void SetSlot(int slot) => _slot = slot;

    internal void Attach(MediaStreamSession session) => _session = session;

    internal void MarkCallerGone() => EndedByCaller = true;

    /// <summary>True the first time only: the line is torn down once.</summary>
    internal bool BeginTeardown() => Interlocked.Exchange(ref _tornDown, 1) == 0;
}
