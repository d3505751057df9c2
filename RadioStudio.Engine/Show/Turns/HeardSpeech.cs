using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Listening;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;

namespace RadioStudio.Engine.Show.Turns;

/// <summary>
/// What the host and the phone callers on air say, as the AI caller hears it: the listener's speech events become
/// barge-ins (speech started) and transcribed lines (speech ended) — each line goes into the AI call's conversation
/// first, then the transcript, and ends a turn the AI may answer. At most four transcriptions at once.
/// </summary>
internal sealed class HeardSpeech : IDisposable
{
    private readonly SemaphoreSlim _transcribing = new(4, 4);
    private readonly ISpeechTurnTaker _director;
    private readonly StudioEngine _engine;
    private readonly PhoneSystem _phones;
    private readonly SpeechProviders _speech;
    private readonly StudioOptions _studio;
    private readonly AiCallerOptions _options;
    private readonly ILogger _logger;
    private readonly Action<Task> _background;

    public HeardSpeech(
        VoiceListener listener, ISpeechTurnTaker director, StudioEngine engine, PhoneSystem phones, SpeechProviders speech, StudioOptions studio,
        AiCallerOptions options, ILogger logger, Action<Task> background)
    {
        _director = director;
        _engine = engine;
        _phones = phones;
        _speech = speech;
        _studio = studio;
        _options = options;
        _logger = logger;
        _background = background;
        Listener = listener;
        listener.OpenMic = options.OpenMic;
        listener.SpeechStarted += OnSpeechStarted;
        listener.SpeechEnded += OnSpeechEnded;
    }

    /// <summary>The listener whose speech events drive barge-in and turns.</summary>
    public VoiceListener Listener { get; }

    public void Dispose()
    {
        Listener.SpeechStarted -= OnSpeechStarted;
        Listener.SpeechEnded -= OnSpeechEnded;
        _transcribing.Dispose();
    }

    private void OnSpeechStarted(VoiceSource source)
    {
        if (source.IsHost || _options.PhoneCallersBargeIn)
        {
            _director.BargeIn(source.IsHost ? "host" : $"phone slot {source.PhoneSlot + 1}");
        }
        else
        {
            _director.SomeoneIsTalking();
        }
    }

    private void OnSpeechEnded(VoiceSource source, SpeechSegment segment, long endedAt)
    {
        var speaker = source.IsHost ? _studio.HostName : PhoneSpeaker(source.PhoneSlot);
        if (speaker is null)
        {
            return;
        }

        var end = _director.ShowTime() - Stopwatch.GetElapsedTime(endedAt);
        var start = end - segment.Duration;
        _background(Task.Run(() => TranscribeAsync(source, speaker, segment, start < TimeSpan.Zero ? TimeSpan.Zero : start, end, endedAt)));
    }

    private string? PhoneSpeaker(int slot)
    {
        foreach (var line in _phones.Lines)
        {
            if (line.Slot == slot)
            {
                var state = _engine.Current.Lines.FirstOrDefault(l => l.Id == line.Id);
                return state?.DisplayName ?? line.Number;
            }
        }

        return null;
    }

    private async Task TranscribeAsync(VoiceSource source, string speaker, SpeechSegment segment, TimeSpan start, TimeSpan end, long endedAt)
    {
        await _transcribing.WaitAsync().ConfigureAwait(false);
        try
        {
            var text = "";
            await foreach (var update in _speech.SpeechToText.TranscribeStreamingAsync(segment, new SpeechToTextOptions(Prompt: BoardPrompt())).ConfigureAwait(false))
            {
                if (update.IsFinal)
                {
                    text = update.Text.Trim();
                }
            }

            var sttFinal = Stopwatch.GetElapsedTime(endedAt);
            if (text.Length == 0 || !_engine.Current.OnAir)
            {
                return;
            }

            // The AI's conversation gets the line before the transcript shows it: a host who reads it on screen and
            // presses "let them respond" at once must get a reply that has heard it.
            var kind = source.IsHost ? PartyKind.Host : PartyKind.Phone;
            var message = new ConversationMessage(source.IsHost ? ConversationRole.Host : ConversationRole.PhoneCaller, speaker, text);
            var call = _director.Call;
            call?.Add(message);

            // The line is posted to the transcript first (it precedes any reply there), but the AI's turn does not
            // wait for the engine to write it.
            var written = _engine.AddTranscriptEntryAsync(speaker, kind, text, start, end);
            if (call is not null)
            {
                _director.TurnEnded(TurnTrigger.Speech, endedAt, sttFinal, source.IsHost);
            }

            await written.ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            AiDirectorLog.TranscriptionFailed(_logger, speaker, error.Message);
            await _engine.UpdateAiAsync(s => s with { Problem = $"Couldn't transcribe {speaker}: {error.Message}" }).ConfigureAwait(false);
        }
        finally
        {
            _transcribing.Release();
        }
    }

    /// <summary>Names that help the recogniser spell: the show, the host, the AI caller on the line.</summary>
    private string BoardPrompt() =>
        _director.Call is { } call ? $"{_studio.ShowTitle}. {_studio.HostName}. {call.Persona.Name}." : $"{_studio.ShowTitle}. {_studio.HostName}.";
}
