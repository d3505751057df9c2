namespace RadioStudio.Engine.Speech;

/// <summary>A piece of synthesised speech: mono float (−1…1) at <paramref name="SampleRate"/>.</summary>
public sealed record SpeechAudioChunk(ReadOnlyMemory<float> Samples, int SampleRate);
