namespace RadioStudio.Engine.Audio.Nodes;

/// <summary>
/// Filter quality of <see cref="PolyphaseResampler"/>. Every level puts the stopband edge exactly at
/// the lower rate's Nyquist frequency, so nothing above it aliases or images by less than the stated
/// attenuation; levels differ in stopband depth and in how close to Nyquist the passband reaches.
/// Taps are per output sample; the 8 k ⇄ 48 k figures are for the phone path.
/// </summary>
public enum ResamplerQuality
{
    /// <summary>60 dB stopband, passband to 0.40 × the lower rate (3.2 kHz of 8 kHz); 40 taps up, 224 down for 8 k ⇄ 48 k.</summary>
    Fast,

    /// <summary>80 dB stopband, passband to 0.42 × the lower rate (3.36 kHz of 8 kHz); 64 taps up, 384 down for 8 k ⇄ 48 k.</summary>
    Standard,

    /// <summary>100 dB stopband, passband to 0.45 × the lower rate (3.6 kHz of 8 kHz); 136 taps up, 776 down for 8 k ⇄ 48 k.</summary>
    High,
}
