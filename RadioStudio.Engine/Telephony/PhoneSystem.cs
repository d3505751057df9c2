using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony.Twilio;

namespace RadioStudio.Engine.Telephony;

/// <summary>
/// The studio's phone lines: answers the voice webhook, ties each media stream to its call with a one-time
/// token, feeds every caller a paced 20 ms frame from the audio clock, and ends calls the studio state no
/// longer holds (drop, hang-up, show over) — by REST and by closing the stream. State changes go through
/// the engine; this class only reacts to them, so a page and a webhook can never disagree.
/// </summary>
public sealed partial class PhoneSystem : IMediaStreamHost, IPhoneLineProvider, IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    private readonly StudioEngine _engine;
    private readonly Callers.ICallerDirectory? _callers;
    private readonly TwilioOptions _options;
    private readonly TwilioRestClient _rest;
    private readonly HoldFeed _hold;
    private readonly TimeProvider _time;
    private readonly ILogger<PhoneSystem> _logger;
    private readonly ConcurrentDictionary<string, PhoneLine> _byToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PhoneLine> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _simulatedCalls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _teardowns = new();
    private readonly StreamCodec _codec;
    private readonly CancellationTokenSource _stopping = new();
    private ImmutableArray<PhoneLine> _active = [];
    private IDisposable? _subscription;
    private Task _expiry = Task.CompletedTask;
    private Lazy<Task>? _stop;

    /// <summary>Creates the phone system; <see cref="StartAsync"/> connects it to the engine and the clock.</summary>
    public PhoneSystem(
        StudioEngine engine, IOptions<TwilioOptions> options, TwilioRestClient rest, HoldFeed hold,
        TimeProvider time, ILogger<PhoneSystem> logger, Callers.ICallerDirectory? callers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _engine = engine;
        _callers = callers;
        _options = options.Value;
        _codec = _options.Codec;
        _rest = rest;
        _hold = hold;
        _time = time;
        _logger = logger;
        Credentials = TwilioCredentials.From(_options);
        Validator = new TwilioRequestValidator(Credentials.AuthToken);
    }

    /// <summary>Wakes the media streams' send loops once per block, off the audio clock thread.</summary>
    public MediaSendPump SendPump { get; } = new();

    /// <summary>What webhooks are signed with (configured, or local).</summary>
    public TwilioCredentials Credentials { get; }

    /// <summary>Checks X-Twilio-Signature against <see cref="Credentials"/>.</summary>
    public TwilioRequestValidator Validator { get; }

    /// <summary>Live lines by id (for tests and the audio engine).</summary>
    public PhoneLine? FindLine(string lineId) => _byId.GetValueOrDefault(lineId);

    /// <summary>Every live line.</summary>
    public IReadOnlyCollection<PhoneLine> Lines => _active;

    /// <summary>Raised when a caller is turned away with the busy message (lines blocked or full).</summary>
    public event Action? CallRefused;

    /// <summary>Marks a CallSid as the simulator's, so ending it makes no REST call to Twilio.</summary>
    public void ExpectSimulatedCall(string callSid) => _simulatedCalls[callSid] = 0;

    /// <summary>Answers the voice webhook: off air, busy, or greeting + media stream into the queue.</summary>
    public async Task<CallAnswer> AnswerAsync(IncomingCall call, string publicBaseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var state = _engine.Current;
        var voice = _options.SayVoice;
        if (!state.OnAir)
        {
            return new CallAnswer(CallAnswerKind.OffAir, StudioTwiml.OffAir(_options.OffAirMessage, voice));
        }

        if (state.BlockAll || _byId.Count >= _options.MaxLines || _callers?.IsBlocked(call.From) == true)
        {
            CallRefused?.Invoke();
            return new CallAnswer(CallAnswerKind.Busy, StudioTwiml.Busy(_options.BusyMessage, voice));
        }

        var simulated = _simulatedCalls.TryRemove(call.CallSid, out _);
        var line = new PhoneLine(
            "L" + RandomNumberGenerator.GetHexString(12, lowercase: true), call.CallSid, call.From,
            RandomNumberGenerator.GetHexString(32, lowercase: true), simulated, _time.GetUtcNow(), _codec, _hold, OnStreamEnded);
        try
        {
            await _engine.AddIncomingCallAsync(
                new PhoneLineState(line.Id, call.From, null, null, null, LineStatus.Ringing, line.Created, null, 0, null)
                {
                    CallSid = call.CallSid,
                    Simulated = simulated,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (StudioCommandException refused)
        {
            Log.CallRefused(_logger, call.From, refused.Message);
            return _engine.Current.OnAir
                ? new CallAnswer(CallAnswerKind.Busy, StudioTwiml.Busy(_options.BusyMessage, voice))
                : new CallAnswer(CallAnswerKind.OffAir, StudioTwiml.OffAir(_options.OffAirMessage, voice));
        }

        line.KnownSinceVersion = _engine.Current.Version;
        _byId[line.Id] = line;
        _byToken[line.Token] = line;
        ImmutableInterlocked.Update(ref _active, static (a, l) => a.Add(l), line);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["token"] = line.Token, ["line"] = line.Id };
        var twiml = StudioTwiml.OnAir(
            _options.Greeting, voice, StudioTwiml.StreamUrlFor(publicBaseUrl, "/twilio/stream"), parameters,
            publicBaseUrl.TrimEnd('/') + "/twilio/status", _codec == StreamCodec.Pcmu ? null : _codec.Name);
        return new CallAnswer(CallAnswerKind.Connected, twiml);
    }

    /// <inheritdoc />
    public async ValueTask<IMediaStreamSink?> AttachAsync(MediaStreamSession session, StreamStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (!start.CustomParameters.TryGetValue("token", out var token) || !_byToken.TryRemove(token, out var line))
        {
            return null;
        }

        if (!string.Equals(line.CallSid, start.CallSid, StringComparison.Ordinal) || !_codec.Matches(start.Encoding, start.SampleRate))
        {
            Log.StreamMismatch(_logger, start.CallSid, start.Encoding, start.SampleRate);
            return null;
        }

        line.Attach(session);
        try
        {
            await _engine.LineConnectedAsync(line.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (StudioCommandException)
        {
            return null; // the call was dropped while its stream was connecting
        }

        return line;
    }

    /// <summary>Twilio's call or stream status callback: a caller who hung up leaves at once.</summary>
    public async Task HandleStatusAsync(string callSid, string? callStatus, string? streamEvent)
    {
        var over = callStatus is "completed" or "busy" or "failed" or "no-answer" or "canceled" || streamEvent is "stream-stopped";
        var line = _byId.Values.FirstOrDefault(l => l.CallSid == callSid);
        if (!over || line is null)
        {
            return;
        }

        line.MarkCallerGone();
        await CallerLeftAsync(line, neverConnected: false).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ImmutableArray<IPhoneLineAudio> AudioLines => ImmutableArray<IPhoneLineAudio>.CastUp(_active);

    /// <inheritdoc />
    public void OnFramesQueued() => SendPump.Flush();

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _engine.SetTelephonyStatusAsync(new TelephonyStatus(Credentials.Local, _options.PhoneNumber), cancellationToken).ConfigureAwait(false);
        Log.Started(_logger, Credentials.Local ? "local mode: test calls only (no Twilio credentials)" : $"Twilio account {Credentials.AccountSid[..8]}…");
        _subscription = _engine.Subscribe(Reconcile, TimeSpan.Zero);
        _expiry = Task.Run(() => ExpireUnconnectedAsync(_stopping.Token), CancellationToken.None);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        // The host's stop and the container's dispose can overlap: both wait for the one stop, and the
        // cancellation source is disposed only after it has finished with it.
        var stop = new Lazy<Task>(() => StopOnceAsync(cancellationToken));
        var current = Interlocked.CompareExchange(ref _stop, stop, null) ?? stop;
        return current.Value;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var line in _byId.Values)
        {
            line.Session?.Close();
        }

        try
        {
            await Task.WhenAll(_teardowns.Keys.Append(_expiry)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is OperationCanceledException or StudioCommandException)
        {
            // Shutdown must finish: a teardown cut short here has already closed its stream.
        }

        // Every stream is closing: from here on they wake their own send loops.
        SendPump.Dispose();
    }

    internal Task Reconcile(StudioState state)
    {
        var present = state.Lines.ToDictionary(l => l.Id, StringComparer.Ordinal);
        foreach (var line in _active)
        {
            if (state.Version < line.KnownSinceVersion)
            {
                continue; // a snapshot from before this call was added: it cannot say the call ended
            }

            if (present.TryGetValue(line.Id, out var view))
            {
                line.SetSlot(view.IsOnAir && view.Channel is { } channel ? Math.Max(0, channel - state.Routing.FirstPhone) : -1);
            }
            else if (line.BeginTeardown())
            {
                Track(TearDownAsync(line));
            }
        }

        return Task.CompletedTask;
    }

    private async Task TearDownAsync(PhoneLine line)
    {
        Forget(line);
        if (!line.EndedByCaller && !line.Simulated && !Credentials.Local)
        {
            try
            {
                var result = await _rest.EndCallAsync(line.CallSid, _stopping.Token).ConfigureAwait(false);
                if (result.Outcome == CallUpdateOutcome.Failed)
                {
                    Log.HangUpFailed(_logger, line.Number, result.Message ?? "unknown error");
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Shutting down: closing the stream below still ends the call.
            }
        }

        // Closing the stream ends a <Connect><Stream> call even if the REST request failed.
        line.Session?.Close();
    }

    private void OnStreamEnded(PhoneLine line, StreamEndReason reason) => Track(CallerLeftAsync(line, neverConnected: false));

    /// <summary>
    /// The call's side is gone (its stream ended, the status callback said so, or the stream never connected):
    /// the one path that forgets the line, closes what is left of its stream and tells the engine. No REST call.
    /// </summary>
    private async Task CallerLeftAsync(PhoneLine line, bool neverConnected)
    {
        if (!line.BeginTeardown())
        {
            return;
        }

        Forget(line);
        line.Session?.Close();
        await EndQuietlyAsync(() => _engine.CallerLeftAsync(line.Id, neverConnected)).ConfigureAwait(false);
    }

    private async Task ExpireUnconnectedAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), _time, cancellationToken).ConfigureAwait(false);
                var now = _time.GetUtcNow();
                foreach (var line in _byToken.Values.Where(l => now - l.Created > ConnectTimeout).ToList())
                {
                    if (_byToken.TryRemove(line.Token, out _))
                    {
                        Log.NeverConnected(_logger, line.Number);
                        await CallerLeftAsync(line, neverConnected: true).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Forget(PhoneLine line)
    {
        _byId.TryRemove(line.Id, out _);
        _byToken.TryRemove(line.Token, out _);
        ImmutableInterlocked.Update(ref _active, static (a, l) => a.Remove(l), line);
    }

    private void Track(Task task)
    {
        _teardowns[task] = 0;
        task.ContinueWith(t => _teardowns.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task EndQuietlyAsync(Func<Task> end)
    {
        try
        {
            await end().ConfigureAwait(false);
        }
        catch (StudioCommandException refused)
        {
            Log.EndRefused(_logger, refused.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(310, LogLevel.Information, "Phone lines ready: {Mode}")]
        public static partial void Started(ILogger logger, string mode);

        [LoggerMessage(311, LogLevel.Information, "Call from {Number} refused: {Reason}")]
        public static partial void CallRefused(ILogger logger, string number, string reason);

        [LoggerMessage(312, LogLevel.Warning, "Stream for {CallSid} refused: it does not match its call ({Encoding} at {Rate} Hz)")]
        public static partial void StreamMismatch(ILogger logger, string callSid, string encoding, int rate);

        [LoggerMessage(313, LogLevel.Warning, "Hanging up {Number} at Twilio failed: {Reason}. The stream was closed, which ends the call.")]
        public static partial void HangUpFailed(ILogger logger, string number, string reason);

        [LoggerMessage(314, LogLevel.Warning, "Call from {Number} never connected its audio stream; removed from the queue")]
        public static partial void NeverConnected(ILogger logger, string number);

        [LoggerMessage(315, LogLevel.Debug, "Ending a call was refused: {Reason}")]
        public static partial void EndRefused(ILogger logger, string reason);
    }
}
