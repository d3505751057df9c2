using System.Diagnostics.CodeAnalysis;

namespace RadioStudio.Engine.Audio.Codecs;

/// <summary>Sample encodings <see cref="WavWriter"/> can produce.</summary>
public enum WavSampleFormat
{
    /// <summary>Signed 16-bit integer PCM (format tag 1): the most portable choice, used for phone-quality stems.</summary>
    Pcm16,

    /// <summary>Signed 24-bit integer PCM (format tag 1): the studio's compact lossless stems (about 144 dB of range, ¾ of float's size).</summary>
    Pcm24,

    /// <summary>32-bit IEEE float (format tag 3 with a <c>fact</c> chunk): lossless for the engine's float mix.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Float32 names the sample encoding, as in every audio tool.")]
    Float32,
}
