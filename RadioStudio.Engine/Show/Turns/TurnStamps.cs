namespace RadioStudio.Engine.Show.Turns;

/// <summary>Milestones of one turn, measured from its start (the end of the speech or the click that started it).</summary>
internal sealed class TurnStamps(long start, TimeProvider time)
{
    public TimeSpan? LlmFirstToken { get; set; }

    public TimeSpan? FirstSentence { get; set; }

    public TimeSpan? TextToSpeechFirstAudio { get; set; }

    public TimeSpan? OnAir { get; set; }

    public TimeSpan Elapsed() => time.GetElapsedTime(start);
}
