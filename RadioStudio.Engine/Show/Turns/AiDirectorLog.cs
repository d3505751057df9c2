using Microsoft.Extensions.Logging;

namespace RadioStudio.Engine.Show.Turns;

/// <summary>The AI callers' log lines (the director's logger category).</summary>
internal static partial class AiDirectorLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "AI caller {Name} (slot {Slot}) is on the line; reacts to {Reaction}")]
    public static partial void CallStarted(ILogger logger, string name, int slot, string reaction);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "AI caller {Name} hung up")]
    public static partial void CallEnded(ILogger logger, string name);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Barge-in by {Who}: the AI voice stopped on every output and phone callers were cleared")]
    public static partial void BargedIn(ILogger logger, string who);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug, Message = "{Name} is already taking a turn; the request was ignored")]
    public static partial void TurnBusy(ILogger logger, string name);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "{Name}'s reply failed ({Reason}); saying the fallback line")]
    public static partial void TurnFailed(ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "{Name}'s fallback line failed too: {Reason}")]
    public static partial void FallbackFailed(ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information,
        Message = "Turn {Name} ({Trigger}): STT final {Stt:0} ms, LLM first token {Llm:0} ms, first sentence {Sentence:0} ms, TTS first audio {Tts:0} ms, on air {OnAir:0} ms — {Outcome}")]
    private static partial void TurnFinished(ILogger logger, string name, string trigger, double stt, double llm, double sentence, double tts, double onAir, string outcome);

    /// <summary>The per-turn latency log line (−1 for a stage that did not happen).</summary>
    public static void TurnFinished(ILogger logger, string name, State.TurnLatency t)
    {
        double stt = Ms(t.SpeechToTextFinal), llm = Ms(t.LlmFirstToken), sentence = Ms(t.FirstSentence);
        double tts = Ms(t.TextToSpeechFirstAudio), onAir = Ms(t.OnAir);
        TurnFinished(logger, name, t.Trigger, stt, llm, sentence, tts, onAir, t.Outcome);
    }

    private static double Ms(TimeSpan? span) => span?.TotalMilliseconds ?? -1;

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "{Name}'s turn was not recorded: {Reason}")]
    public static partial void TurnNotRecorded(ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Debug, Message = "Should-respond decision fell back to the rule: {Reason}")]
    public static partial void ShouldRespondFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Debug, Message = "Background AI work failed")]
    public static partial void BackgroundFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "Couldn't transcribe {Speaker}: {Reason}")]
    public static partial void TranscriptionFailed(ILogger logger, string speaker, string reason);
}
