namespace RadioStudio.Engine.Speech.Vad;

/// <summary>One turn cut by <see cref="SpeechEndpointer"/>, with where it lies in the endpointer's input.</summary>
/// <param name="Segment">Pre-roll and speech, trailing silence trimmed.</param>
/// <param name="StartSample">Input sample index of the segment's first sample (the pre-roll's start).</param>
/// <param name="OnsetSample">Input sample index where speech began.</param>
/// <param name="OffsetSample">Input sample index just after the last speech (exclusive); the segment ends here.</param>
public sealed record EndpointedSegment(SpeechSegment Segment, long StartSample, long OnsetSample, long OffsetSample)
{
    /// <summary>Onset as time since the endpointer started.</summary>
    public TimeSpan Onset => TimeSpan.FromSeconds((double)OnsetSample / Segment.SampleRate);

    /// <summary>Offset as time since the endpointer started.</summary>
    public TimeSpan Offset => TimeSpan.FromSeconds((double)OffsetSample / Segment.SampleRate);
}
