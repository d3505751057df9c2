namespace RadioStudio.Engine.Audio.Codecs;

/// <summary>How the samples of a WAV data chunk are coded (the format tag, with EXTENSIBLE resolved).</summary>
internal enum WavEncoding
{
    Pcm,
    IeeeFloat,
    ALaw,
    MuLaw,
}
