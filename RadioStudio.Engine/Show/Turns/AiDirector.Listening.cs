using System.Diagnostics;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Listening;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Show.Turns;

public sealed partial class AiDirector
{
    private readonly SemaphoreSlim _transcribing = new(4, 4);

    /// <summary>The listener whose speech events drive barge-in and turns.</summary>
    internal VoiceListener? Listener { get; private set; }

    private void Listen(VoiceListener listener)
    {
        Listener = listener;
        listener.OpenMic = _options.OpenMic;
        listener.SpeechStarted += OnSpeechStarted;
        listener.SpeechEnded += OnSpeechEnded;
    }

    private void OnSpeechStarted(VoiceSource source)
    {
        if (source.IsHost || _options.PhoneCallersBargeIn)
        {
            BargeIn(source.IsHost ? "host" : $"phone slot {source.PhoneSlot + 1}");
        }
        else
        {
            // Someone is talking again: an auto reply waiting out its debounce waits for them.
            CancelAutoTurn();
        }
    }

    private void OnSpeechEnded(VoiceSource source, SpeechSegment segment, long endedAt)
    {
        var speaker = source.IsHost ? _studio.HostName : PhoneSpeaker(source.PhoneSlot);
        if (speaker is null)
        {
            return;
        }

        var end = ShowTime() - Stopwatch.GetElapsedTime(endedAt);
        var start = end - segment.Duration;
        Background(Task.Run(() => TranscribeAsync(source, speaker, segment, start < TimeSpan.Zero ? TimeSpan.Zero : start, end, endedAt)));
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
            var call = Call;
            call?.Add(message);

            // The line is posted to the transcript first (it precedes any reply there), but the AI's turn does not
            // wait for the engine to write it.
            var written = _engine.AddTranscriptEntryAsync(speaker, kind, text, start, end);
            if (call is not null)
            {
                OnTurnEnded(TurnTrigger.Speech, endedAt, sttFinal, source.IsHost);
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
    private string BoardPrompt() => Call is { } call ? $"{_studio.ShowTitle}. {_studio.HostName}. {call.Persona.Name}." : $"{_studio.ShowTitle}. {_studio.HostName}.";
}
