using System.Collections.Immutable;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.Show.Memory;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Listening;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;

namespace RadioStudio.Engine.Show.Turns;

/// <summary>
/// Runs the AI callers: draws the board per show, puts one AI caller on the line at a time, feeds it what the
/// host and on-air phone callers say, and runs its turns (manual "Let them respond" or auto mode with debounce,
/// a should-respond decision and a cooldown). One AI voice at a time; host speech over it stops it on every
/// output at once (<see cref="BargeIn"/>); hang-up or switch cancels everything in flight for that call, and an
/// AI line enters the conversation and transcript only once it was spoken — and only what was heard.
/// </summary>
public sealed partial class AiDirector : IAiDirector, IHostedService, IDisposable, ISpeechTurnTaker
{
    private readonly StudioEngine _engine;
    private readonly AudioGraph _graph;
    private readonly PhoneSystem _phones;
    private readonly ILlmClients _llm;
    private readonly SpeechProviders _speech;
    private readonly TimeProvider _time;
    private readonly AiCallerOptions _options;
    private readonly StudioOptions _studio;
    private readonly ILogger<AiDirector> _logger;
    private readonly PersonaEnricher _enricher;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CallerMemory _memory;
    private readonly Random _random;
    private readonly CallerBoard _board;
    private readonly ReplyTurn _reply;
    private readonly OnAirReplyStage _stage;
    private readonly ShouldRespondDecision _shouldRespond;
    private readonly HeardSpeech _heard;
    private ActiveAiCall? _call;
    private TurnRun? _turn;
    private string? _showId;
    private IDisposable? _subscription;

    /// <summary>Creates the director; it starts with the host.</summary>
    public AiDirector(
        StudioEngine engine,
        AudioGraph graph,
        PhoneSystem phones,
        ILlmClients llm,
        SpeechProviders speech,
        PersonaGenerator personas,
        VoiceListener listener,
        CallerMemory memory,
        TimeProvider time,
        IOptions<AiCallerOptions> options,
        IOptions<StudioOptions> studio,
        ILogger<AiDirector> logger)
    {
        _engine = engine;
        _graph = graph;
        _phones = phones;
        _llm = llm;
        _speech = speech;
        _memory = memory;
        _time = time;
        _options = options.Value;
        _studio = studio.Value;
        _logger = logger;
        _enricher = new PersonaEnricher(time);
        _random = new Random();
        _board = new CallerBoard(personas, _random);
        _reply = new ReplyTurn(() => _llm.Dialogue, () => _speech.TextToSpeech, _options, _studio, time, logger);
        _stage = new OnAirReplyStage(engine, graph, memory, () => Call, ShowTime, Background);
        Auto = new AutoResponder(time)
        {
            Debounce = TimeSpan.FromSeconds(_options.RespondDebounceSeconds),
            Cooldown = TimeSpan.FromSeconds(_options.CooldownSeconds),
        };
        _shouldRespond = new ShouldRespondDecision(llm, logger);
        _heard = new HeardSpeech(listener, this, engine, phones, speech, _studio, _options, logger, Background);
    }

    /// <summary>The AI caller on the line, or null.</summary>
    internal ActiveAiCall? Call => Volatile.Read(ref _call);

    /// <summary>The listener whose speech events drive barge-in and turns.</summary>
    internal VoiceListener Listener => _heard.Listener;

    /// <inheritdoc />
    ActiveAiCall? ISpeechTurnTaker.Call => Call;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PublishProvidersAsync(cancellationToken).ConfigureAwait(false);
        await DrawBoardAsync(cancellationToken).ConfigureAwait(false);
        _subscription = _engine.Subscribe(OnStateAsync);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        var call = Interlocked.Exchange(ref _call, null);
        call?.End();
        _graph.AiVoice.Stop();
        if (_turn is { } turn)
        {
            try
            {
                await turn.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The host's shutdown time ran out: the turn is already cancelled and nothing of it airs; exit anyway.
            }
        }
    }

    /// <inheritdoc />
    public async Task CallAsync(int slot, CancellationToken cancellationToken = default)
    {
        if (slot is < 1 or > 10)
        {
            throw new StudioCommandException($"There is no AI caller slot {slot}: the board has slots 1–10.");
        }

        if (!_engine.Current.OnAir)
        {
            throw new StudioCommandException("Go ON AIR before taking an AI caller.");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_call is { Slot: var current } && current == slot)
            {
                return;
            }

            var persona = _board[slot] ?? throw new StudioCommandException($"Slot {slot} has no caller yet; try another slot.");
            await EndCallLockedAsync("switched to another caller", cancellationToken).ConfigureAwait(false);

            // Rolled once per call, never per turn: the reaction is part of the call, not of each reply. A follow-up
            // caller's reaction is the call they follow.
            var reaction = _memory.TakeFollowUp(slot, persona.Name)
                ?? CallReaction.Choose(_memory.EarlierCalls(), _random, _options.ReactionChance, persona.Name);

            var call = new ActiveAiCall(slot, persona, reaction, ShowTime());
            Volatile.Write(ref _call, call);
            AiDirectorLog.CallStarted(_logger, persona.Name, slot, reaction?.Call.Name ?? "nobody");
            await _engine.UpdateAiAsync(
                s => s with { ActiveSlot = slot, Phase = AiPhase.Listening, Problem = null },
                board => CallerBoard.SetSlotStatus(board, slot, AiCallerStatus.Listening),
                cancellationToken).ConfigureAwait(false);
            await _engine.AddTranscriptEntryAsync("Studio", PartyKind.System, $"{persona.Name} ({persona.Summary}) is on the line.", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task HangUpAsync(CancellationToken cancellationToken = default) => HangUpAsync("hung up by the host", cancellationToken);

    private async Task HangUpAsync(string reason, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EndCallLockedAsync(reason, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task HostLineAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var now = ShowTime();
        await _engine.AddTranscriptEntryAsync(_studio.HostName, PartyKind.Host, text, now, now, cancellationToken).ConfigureAwait(false);
        if (Call is { } call)
        {
            call.Add(new ConversationMessage(ConversationRole.Host, _studio.HostName, text.Trim()));
            OnTurnEnded(TurnTrigger.Typed, _time.GetTimestamp(), sttFinal: null, byHost: true);
        }
    }

    /// <inheritdoc />
    public Task LetThemRespondAsync(CancellationToken cancellationToken = default)
    {
        if (Call is null)
        {
            throw new StudioCommandException("No AI caller is on the line: pick one from the board first.");
        }

        StartTurn(TurnTrigger.LetThemRespond, _time.GetTimestamp(), sttFinal: null);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void PushToTalk(bool held)
    {
        Listener.HostPushToTalk = held;

        Background(_engine.UpdateAiAsync(s => s with { PushToTalk = held }));
    }

    /// <summary>
    /// Host (or, when configured, a phone caller) speech began: stop the AI at once on every output and tell
    /// the phone callers' carriers to drop what they buffered. Runs on the listening thread; no await.
    /// </summary>
    public bool BargeIn(string who)
    {
        CancelAutoTurn();
        var turn = Volatile.Read(ref _turn);
        if (turn is null || turn.Completion.IsCompleted)
        {
            return false;
        }

        turn.BargeIn();
        _graph.AiVoice.Stop();
        foreach (var line in _phones.Lines)
        {
            if (line.OnAir)
            {
                line.Session?.Clear();
            }
        }

        AiDirectorLog.BargedIn(_logger, who);
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _subscription?.Dispose();
        _call?.Dispose();
        _gate.Dispose();
        _heard.Dispose();
    }

    /// <inheritdoc />
    void ISpeechTurnTaker.SomeoneIsTalking() => CancelAutoTurn();

    /// <inheritdoc />
    void ISpeechTurnTaker.TurnEnded(TurnTrigger trigger, long endTimestamp, TimeSpan? sttFinal, bool byHost) =>
        OnTurnEnded(trigger, endTimestamp, sttFinal, byHost);

    /// <summary>Fire-and-forget work (state reports, transcription, summaries): a failure is logged, never unobserved.</summary>
    private void Background(Task task) =>
        task.ContinueWith(
            static (t, state) => AiDirectorLog.BackgroundFailed((ILogger)state!, t.Exception!),
            _logger,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    /// <inheritdoc />
    TimeSpan ISpeechTurnTaker.ShowTime() => ShowTime();

    internal TimeSpan ShowTime()
    {
        var state = _engine.Current;
        return state.Show is { IsLive: true } show ? show.Elapsed(_time.GetUtcNow()) : TimeSpan.Zero;
    }

    private async Task EndCallLockedAsync(string reason, CancellationToken cancellationToken)
    {
        var call = Interlocked.Exchange(ref _call, null);
        if (call is null)
        {
            return;
        }

        CancelAutoTurn();
        call.End();
        _graph.AiVoice.Stop();
        AiDirectorLog.CallEnded(_logger, call.Persona.Name);

        // The slot gets a fresh caller; this one is remembered for the rest of the show.
        var replacement = _board.Replace(call.Slot, _speech.TextToSpeech.Voices);
        await _engine.UpdateAiAsync(
            s => s with { ActiveSlot = null, Phase = AiPhase.Idle },
            board => board.SetItem(call.Slot - 1, CallerBoard.SlotState(call.Slot, replacement)),
            cancellationToken).ConfigureAwait(false);
        if (_engine.Current.OnAir)
        {
            await _engine.AddTranscriptEntryAsync("Studio", PartyKind.System, $"{_studio.HostName} ended the call with {call.Persona.Name}.", cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        EnrichLater(call.Slot, replacement);
        var exchanges = call.Conversation.Count(m => m.Role == ConversationRole.AiCaller);
        Background(_memory.AiCallEndedAsync(call.Persona, call.StartedAt, reason, exchanges));
    }
}
