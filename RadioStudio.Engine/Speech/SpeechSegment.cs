namespace RadioStudio.Engine.Speech;

/// <summary>One utterance of mono float audio (−1…1) at <paramref name="SampleRate"/>.</summary>
/// <param name="Samples">The speech, with a little pre-roll, without the trailing silence.</param>
/// <param name="SampleRate">Samples per second (16 000 from the studio's listeners).</param>
public sealed record SpeechSegment(ReadOnlyMemory<float> Samples, int SampleRate)
{
    /// <summary>Length of the audio.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);
}
