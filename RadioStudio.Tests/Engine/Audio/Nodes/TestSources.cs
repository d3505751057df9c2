using RadioStudio.Engine.Audio;

namespace RadioStudio.Tests.Engine.Audio.Nodes;

/// <summary>Live source whose sample n is <c>start + n × step</c> (in float), so every sample says where it came from.</summary>
internal sealed class RampSource(float start = 0f, float step = 1f, AudioFormat? format = null) : IAudioSource
{
    private long _position;

    public AudioFormat Format { get; } = format ?? AudioFormat.Studio;

    public int Reads { get; private set; }

    public int Read(Span<float> buffer)
    {
        Reads++;
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = start + (step * _position++);
        }

        return buffer.Length;
    }
}

/// <summary>Live source that writes one value forever.</summary>
internal sealed class ConstantSource(float value, AudioFormat? format = null) : IAudioSource
{
    public AudioFormat Format { get; } = format ?? AudioFormat.Studio;

    public int Reads { get; private set; }

    public int Read(Span<float> buffer)
    {
        Reads++;
        buffer.Fill(value);
        return buffer.Length;
    }
}

/// <summary>Live source that is silent except for <paramref name="amplitude"/> at sample <paramref name="position"/>.</summary>
internal sealed class ImpulseSource(long position, float amplitude = 1f) : IAudioSource
{
    private long _position;

    public AudioFormat Format => AudioFormat.Studio;

    public int Read(Span<float> buffer)
    {
        buffer.Clear();
        if (position >= _position && position < _position + buffer.Length)
        {
            buffer[(int)(position - _position)] = amplitude;
        }

        _position += buffer.Length;
        return buffer.Length;
    }
}

/// <summary>Finite source: plays <paramref name="samples"/> once, then returns 0.</summary>
internal sealed class BufferSource(float[] samples, AudioFormat? format = null) : IAudioSource
{
    private int _position;

    public AudioFormat Format { get; } = format ?? AudioFormat.Studio;

    public int Read(Span<float> buffer)
    {
        var count = Math.Min(buffer.Length, samples.Length - _position);
        samples.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}

/// <summary>Reads and measurement shared by the node tests.</summary>
internal static class NodeTestHelpers
{
    /// <summary>Reads <paramref name="count"/> samples in blocks of <paramref name="block"/>; asserts every read fills its block.</summary>
    public static float[] ReadAll(IAudioSource source, int count, int block = 960)
    {
        var result = new float[count];
        for (var offset = 0; offset < count; offset += block)
        {
            var span = result.AsSpan(offset, Math.Min(block, count - offset));
            Assert.Equal(span.Length, source.Read(span));
        }

        return result;
    }

    /// <summary>Bytes this thread allocates over 1000 reads of 960 samples, after a warm-up read.</summary>
    public static long AllocatedOver1000Reads(IAudioSource source)
    {
        var buffer = new float[960];
        source.Read(buffer);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            source.Read(buffer);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
