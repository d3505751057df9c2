namespace RadioStudio.Engine.Show.Turns;

/// <summary>What <see cref="HeardSpeech"/> tells the AI director: someone started talking, someone finished a turn.</summary>
internal interface ISpeechTurnTaker
{
    /// <summary>The AI call on the line, which hears every line transcribed.</summary>
    ActiveAiCall? Call { get; }

    /// <summary>Show time now.</summary>
    TimeSpan ShowTime();

    /// <summary>Stops the AI's voice at once (host speech, or a phone caller's when configured).</summary>
    bool BargeIn(string who);

    /// <summary>Someone is talking again: an auto reply waiting out its debounce waits for them.</summary>
    void SomeoneIsTalking();

    /// <summary>A heard line was added to the conversation: the AI may answer it.</summary>
    void TurnEnded(TurnTrigger trigger, long endTimestamp, TimeSpan? sttFinal, bool byHost);
}
