namespace RadioStudio.Engine.State;

/// <summary>
/// One AI turn's timings, each measured from the turn's start: the end of the speech that triggered it (or the
/// moment the host typed or pressed "Let them respond"). Null stages did not happen (typed line: no STT).
/// </summary>
/// <param name="Trigger">"speech", "typed", "let-them-respond" or "auto".</param>
/// <param name="SpeechToTextFinal">End of speech → final transcript.</param>
/// <param name="LlmFirstToken">→ the model's first token.</param>
/// <param name="FirstSentence">→ the first complete sentence.</param>
/// <param name="TextToSpeechFirstAudio">→ the first synthesised audio.</param>
/// <param name="OnAir">→ the first AI audio block on air (voice-to-voice latency for a spoken trigger).</param>
/// <param name="Outcome">"spoken", "barged-in", "cancelled", "fallback" or "failed".</param>
public sealed record TurnLatency(
    string Trigger,
    TimeSpan? SpeechToTextFinal,
    TimeSpan? LlmFirstToken,
    TimeSpan? FirstSentence,
    TimeSpan? TextToSpeechFirstAudio,
    TimeSpan? OnAir,
    string Outcome);
