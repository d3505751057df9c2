namespace RadioStudio.Engine.Audio.Graph;

/// <summary>How stems are kept on disk (<c>Audio:StemFormat</c>); see decision 0012.</summary>
public enum StemFormat
{
    /// <summary>32-bit float WAV: bit-exact copies of the mix, the largest.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Float32 names the sample encoding, as in every audio tool.")]
    Float32,

    /// <summary>24-bit PCM WAV: 144 dB of range, ¾ of float's size; overs above 0 dBFS are clipped.</summary>
    Pcm24,

    /// <summary>24-bit PCM WAV while recording (crash-safe), compressed to FLAC losslessly when the show is exported.</summary>
    Flac,
}
