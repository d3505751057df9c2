using RadioStudio.Engine.Audio;

namespace RadioStudio.Tests.Web.AiCallers;

/// <summary>Plays a studio-rate buffer once (a test's host microphone).</summary>
internal sealed class BufferSource(float[] samples) : IAudioSource
{
    private int _position;

    public AudioFormat Format => AudioFormat.Studio;

    public int Read(Span<float> buffer)
    {
        var count = Math.Min(buffer.Length, samples.Length - _position);
        samples.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
